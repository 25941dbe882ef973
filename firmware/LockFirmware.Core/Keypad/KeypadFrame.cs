using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;

namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// The sealed messages of the keypad channel (docs/ble-protocol.md), one layout for all of them:
    /// <c>header | AES-128-CCM(data) | 8-byte tag</c>, the header as associated data. Two header forms:
    /// counted (6 bytes: marker, keypad id, counter LE; entries 'K' and verdicts 'V'), nonce
    /// <c>marker | id | counter BE | 7 zero bytes</c>; and nonced (9 bytes: marker, 8 random bytes; pairing 'P' and
    /// its reply 'p'), nonce <c>marker | 8 bytes | 4 zero bytes</c>. The marker starts every nonce, so an entry and
    /// its verdict never share a nonce under the keypad key.
    /// </summary>
    public static class KeypadFrame
    {
        public const byte Entry = 0x4B;         // 'K'
        public const byte Verdict = 0x56;       // 'V'
        public const byte Pairing = 0x50;       // 'P'
        public const byte PairingReply = 0x70;  // 'p'
        public const int CountedHeader = 6;
        public const int NoncedHeader = 9;
        public const int NonceSize = 13;
        public const int TagSize = 8;

        /// <summary>The header length of a message starting with <paramref name="marker"/>; 0 for an unknown marker.</summary>
        public static int HeaderLength(byte marker)
        {
            if (marker == Entry || marker == Verdict) return CountedHeader;
            if (marker == Pairing || marker == PairingReply) return NoncedHeader;
            return 0;
        }

        /// <summary>Writes a counted header (marker, id, counter LE) at <paramref name="at"/>.</summary>
        public static void PutCounted(byte[] output, int at, byte marker, int id, uint counter)
        {
            output[at] = marker;
            output[at + 1] = (byte)id;
            LittleEndian.PutUInt(output, at + 2, counter);
        }

        /// <summary>The nonce of the message whose header starts at <paramref name="at"/>.</summary>
        public static void FillNonce(byte[] message, int at, byte[] nonce)
        {
            int header = HeaderLength(message[at]);
            for (int i = 0; i < NonceSize; i++)
            {
                nonce[i] = 0;
            }

            nonce[0] = message[at];
            if (header == CountedHeader)
            {
                nonce[1] = message[at + 1];
                BigEndian.PutUInt(nonce, 2, LittleEndian.GetUInt(message, at + 2));
            }
            else
            {
                for (int i = 1; i < NoncedHeader; i++)
                {
                    nonce[i] = message[at + i];
                }
            }
        }

        /// <summary>Seals <paramref name="count"/> bytes after the header already at output[0..]; returns the message length.</summary>
        public static int Seal(AesCcm ccm, byte[] nonce, byte[] data, int dataOffset, int count, byte[] output)
        {
            int header = HeaderLength(output[0]);
            FillNonce(output, 0, nonce);
            ccm.Encrypt(nonce, 0, NonceSize, output, 0, header, data, dataOffset, count, output, header);
            return header + count + TagSize;
        }

        /// <summary>Opens a message into <paramref name="plain"/>; returns the plaintext length, or -1 (short, unknown marker, bad tag).</summary>
        public static int Open(AesCcm ccm, byte[] nonce, byte[] message, int at, int count, byte[] plain)
        {
            if (count < 1) return -1;
            int header = HeaderLength(message[at]);
            int length = count - header - TagSize;
            if (header == 0 || length < 0 || length > plain.Length)
            {
                return -1;
            }

            FillNonce(message, at, nonce);
            return ccm.Decrypt(nonce, 0, NonceSize, message, at, header, message, at + header, count - header, plain, 0) ? length : -1;
        }
    }
}
