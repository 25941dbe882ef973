using System;
using System.IO;
using System.Text.Json;

namespace LockFirmware.LockSim.Power
{
    /// <summary>
    /// A day at the door, as data (tools/LockSim/profiles/*.json): how many deliveries, household uses and installer
    /// sessions per day, how long the door stays open, and how many days to simulate.
    /// </summary>
    public sealed class TrafficProfile
    {
        public string Name { get; init; }
        public int Days { get; init; }
        public double DeliveriesPerDay { get; init; }
        public double HouseholdUsesPerDay { get; init; }

        /// <summary>Share of household uses that come in from outside (keypad); the rest leave by the inside button.</summary>
        public double HouseholdFromOutside { get; init; }
        public double InstallerSessionsPerDay { get; init; }
        public int DoorOpenSeconds { get; init; }
        public int InstallerSessionMinutes { get; init; }

        /// <summary>tools/LockSim/profiles/NAME.json found from the working directory or the program's folder upwards, or a path to a file.</summary>
        public static TrafficProfile Find(string nameOrPath)
        {
            string path = File.Exists(nameOrPath) ? nameOrPath : BoardPower.RepoFile(Path.Combine("tools", "LockSim", "profiles", nameOrPath + ".json"));
            if (path == null)
            {
                throw new InvalidDataException($"profile '{nameOrPath}': not a file and not in tools/LockSim/profiles/");
            }

            return Load(path);
        }

        public static TrafficProfile Load(string path)
        {
            TrafficProfile p;
            try
            {
                p = JsonSerializer.Deserialize<TrafficProfile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow });
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}");
            }

            if (p == null || string.IsNullOrWhiteSpace(p.Name) || p.Days < 1 || p.Days > 3650 || p.DeliveriesPerDay < 0 || p.HouseholdUsesPerDay < 0
                || p.InstallerSessionsPerDay < 0 || p.HouseholdFromOutside < 0 || p.HouseholdFromOutside > 1 || p.DoorOpenSeconds < 1
                || p.InstallerSessionMinutes < 1 || p.DeliveriesPerDay + p.HouseholdUsesPerDay > 48)
            {
                throw new InvalidDataException($"{path}: needs name, days 1-3650, non-negative rates (at most 48 door uses a day), householdFromOutside 0-1, doorOpenSeconds and installerSessionMinutes >= 1");
            }

            return p;
        }

        /// <summary>How many of an event with <paramref name="perDay"/> fall on day <paramref name="day"/> (fractional rates spread evenly).</summary>
        public static int CountOn(double perDay, int day)
        {
            return (int)Math.Round((day + 1) * perDay) - (int)Math.Round(day * perDay);
        }
    }
}
