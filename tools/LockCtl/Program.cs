using System;

namespace LockFirmware.LockCtl
{
    /// <summary>Entry point: one verb per command class.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }

            try
            {
                switch (args[0])
                {
                    case "code": return CodeCommand.Run(Rest(args));
                    case "security": return SecurityCommand.Run(Rest(args));
                    case "log" when args.Length > 1 && args[1] == "pull": return Remote.RemoteCommands.Run("log", Rest(args));
                    case "log": return LogCommand.Run(Rest(args));
                    case "provision":
                    case "status":
                    case "lock":
                    case "unlock":
                    case "revoke":
                    case "reset":
                    case "lockout":
                    case "time":
                    case "config":
                    case "keypad":
                    case "pin":
                        return Remote.RemoteCommands.Run(args[0], Rest(args));
                    default:
                        Console.Error.WriteLine($"lockctl: unknown command '{args[0]}'. Run 'lockctl --help'.");
                        return 2;
                }
            }
            catch (CliException e)
            {
                Console.Error.WriteLine("lockctl: " + e.Message);
                return 2;
            }
        }

        private const string Usage =
            "lockctl: installer, issuer and log reader for LockFirmware locks\n" +
            "\n" +
            "  lockctl code issue ...      mint an access code (see 'lockctl code --help')\n" +
            "  lockctl code inspect ...    explain a code and whether it is valid at a time\n" +
            "  lockctl security            the brute-force bound for the default parameters\n" +
            "  lockctl log decode IMAGE    print the events in a flash image (csv or json)\n" +
            "\n" + Remote.RemoteCommands.Help + "\n";

        private static string[] Rest(string[] args)
        {
            string[] rest = new string[args.Length - 1];
            Array.Copy(args, 1, rest, 0, rest.Length);
            return rest;
        }
    }
}
