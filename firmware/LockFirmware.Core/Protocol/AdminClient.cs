using System;
using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// The client's side of an admin session (LockCtl, the installer app, tests): builds HELLO and PROOF,
    /// checks the lock's proof (so a fake lock is detected before anything is sent), then seals requests and
    /// opens responses with strictly increasing counters. Transport-free, like <see cref="AdminSession"/>.
    /// </summary>
    public sealed class AdminClient
    {
        private readonly ICryptoPrimitives _crypto;
        private readonly byte[] _roleKey;
        private readonly AdminRole _role;
        private readonly byte[] _clientNonce = new byte[AdminSession.NonceSize];
        private readonly byte[] _lockNonce = new byte[AdminSession.NonceSize];
        private readonly byte[] _mac = new byte[32];
        private readonly byte[] _nonce = new byte[13];
        private readonly byte[] _proofInput = new byte[4 + 1 + 2 * AdminSession.NonceSize];
        private AesCcm _out, _in;
        private uint _outCounter, _inCounter;

        public AdminClient(ICryptoPrimitives crypto, IRandomSource random, AdminRole role, byte[] roleKey)
        {
            _crypto = crypto;
            _role = role;
            _roleKey = roleKey;
            random.Fill(_clientNonce, 0, _clientNonce.Length);
        }

        public bool IsOpen
        {
            get { return _in != null; }
        }

        /// <summary>HELLO into <paramref name="output"/>; returns its length.</summary>
        public int Hello(byte[] output)
        {
            output[0] = AdminSession.Hello;
            output[1] = (byte)_role;
            Array.Copy(_clientNonce, 0, output, 2, AdminSession.NonceSize);
            return 2 + AdminSession.NonceSize;
        }

        /// <summary>Checks the lock's CHALLENGE and writes PROOF; returns its length, or a negative status when the lock refused or is not genuine.</summary>
        public int Answer(byte[] challenge, int count, byte[] output)
        {
            if (count == 2 && challenge[0] == AdminSession.Error)
            {
                return -challenge[1];
            }

            if (count != 1 + AdminSession.NonceSize + AdminSession.ProofSize || challenge[0] != AdminSession.Challenge)
            {
                return -(int)AdminStatus.HandshakeFailed;
            }

            Array.Copy(challenge, 1, _lockNonce, 0, AdminSession.NonceSize);
            Proof(AdminSession.LockLabel);
            if (!ConstantTime.Equals(_mac, 0, challenge, 1 + AdminSession.NonceSize, AdminSession.ProofSize))
            {
                return -(int)AdminStatus.HandshakeFailed; // not our lock, or not this role's key
            }

            Proof(AdminSession.ClientLabel);
            output[0] = AdminSession.Proof;
            Array.Copy(_mac, 0, output, 1, AdminSession.ProofSize);
            byte[] salt = new byte[2 * AdminSession.NonceSize];
            Array.Copy(_clientNonce, 0, salt, 0, AdminSession.NonceSize);
            Array.Copy(_lockNonce, 0, salt, AdminSession.NonceSize, AdminSession.NonceSize);
            byte[] prk = Hkdf.Extract(_crypto, _roleKey, salt);
            _out = new AesCcm(_crypto, Hkdf.Expand(_crypto, prk, AdminSession.Label("LF session c2l"), 16), AdminSession.TagSize);
            _in = new AesCcm(_crypto, Hkdf.Expand(_crypto, prk, AdminSession.Label("LF session l2c"), 16), AdminSession.TagSize);
            return 1 + AdminSession.ProofSize;
        }

        /// <summary>Seals a request; returns the message length.</summary>
        public int Seal(byte[] request, int length, byte[] output)
        {
            output[0] = AdminSession.Sealed;
            LittleEndian.PutUInt(output, 1, _outCounter);
            Nonce((byte)'C', _outCounter);
            _out.Encrypt(_nonce, 0, 13, output, 0, AdminSession.SealedHeader, request, 0, length, output, AdminSession.SealedHeader);
            _outCounter++;
            return AdminSession.SealedHeader + length + AdminSession.TagSize;
        }

        /// <summary>Opens a response into <paramref name="plain"/>; returns its length, or a negative status (an ERROR from the lock, or a forged or replayed reply).</summary>
        public int Open(byte[] message, int count, byte[] plain)
        {
            if (count == 2 && message[0] == AdminSession.Error)
            {
                return -message[1];
            }

            if (count < AdminSession.SealedHeader + 1 + AdminSession.TagSize || message[0] != AdminSession.Sealed)
            {
                return -(int)AdminStatus.SessionEnded;
            }

            uint counter = LittleEndian.GetUInt(message, 1);
            if (counter != _inCounter)
            {
                return -(int)AdminStatus.SessionEnded;
            }

            Nonce((byte)'L', counter);
            if (!_in.Decrypt(_nonce, 0, 13, message, 0, AdminSession.SealedHeader, message, AdminSession.SealedHeader, count - AdminSession.SealedHeader, plain, 0))
            {
                return -(int)AdminStatus.SessionEnded;
            }

            _inCounter++;
            return count - AdminSession.SealedHeader - AdminSession.TagSize;
        }

        private void Proof(byte[] label)
        {
            AdminSession.ComputeProof(_crypto, _roleKey, label, _role, _clientNonce, _lockNonce, _proofInput, _mac);
        }

        private void Nonce(byte direction, uint counter)
        {
            AdminSession.Nonce(_nonce, direction, counter);
        }
    }
}
