using System;
using System.Collections;

namespace LockFirmware.VirtualEsp32.BehaviourProbe
{
    /// <summary>Library and runtime behaviour our code could depend on, printed the same way on both CLRs.</summary>
    public static class Program
    {
        private enum Verdict { Accepted = 0, WrongCode = 13 }

        public static void Main()
        {
            Probe("enum-tostring", () => Verdict.WrongCode.ToString());
            Probe("enum-dayofweek", () => new DateTime(2026, 11, 25).DayOfWeek.ToString());
            Probe("enum-cast-int", () => ((int)Verdict.WrongCode).ToString());
            Probe("double-small", () => (2.8656e-8).ToString());
            Probe("double-third", () => (1.0 / 3).ToString());
            Probe("double-sum", () => (0.1 + 0.2).ToString());
            Probe("double-whole", () => (1.5e6).ToString());
            Probe("double-f2", () => (2.0 / 3).ToString("F2"));
            Probe("double-n0", () => (1234567.0).ToString("N0"));
            Probe("int-x8", () => 48879.ToString("X8"));
            Probe("int-d6", () => 42.ToString("D6"));
            Probe("int-n0", () => 1234567.ToString("N0"));
            Probe("format-align", () => string.Format("[{0,5}|{1,-5}]", 42, 7));
            Probe("interpolation", () => $"{12}:{3.5}:{true}");
            Probe("bool-tostring", () => true.ToString());
            Probe("cast-double-int", () => ((int)3.9).ToString() + "," + ((int)-3.9).ToString());
            Probe("int-overflow", () => unchecked(int.MaxValue + 1).ToString());
            Probe("long-div", () => (-7L / 2).ToString() + "," + (-7L % 2).ToString());
            Probe("parse-int-spaces", () => int.Parse(" 42 ").ToString());
            Probe("parse-int-bad", () => int.Parse("12a").ToString());
            Probe("parse-int-overflow", () => int.Parse("99999999999").ToString());
            Probe("parse-double", () => double.Parse("1.25").ToString());
            Probe("string-toupper-accent", () => "\u00e9a".ToUpper());
            Probe("string-compare-case", () => Sign(string.Compare("a", "B")));
            Probe("string-indexof-from", () => "abcabc".IndexOf("c", 3).ToString());
            Probe("string-indexof-empty", () => "abc".IndexOf("").ToString());
            Probe("string-split", () => Joined("a,,b".Split(',')));
            Probe("string-trim", () => "[" + " \t x \r\n".Trim() + "]");
            Probe("string-padleft", () => "7".PadLeft(3, '0'));
            Probe("string-concat-null", () => "a" + null + "b");
            Probe("string-substring-bad", () => "abc".Substring(2, 5));
            Probe("string-equals-null", () => (null == (string)null).ToString() + "," + "a".Equals(null).ToString());
            Probe("string-hash-stable", () => ("lock".GetHashCode() == "lock".GetHashCode()).ToString());
            Probe("datetime-tostring", () => new DateTime(2026, 11, 25, 14, 0, 5).ToString());
            Probe("datetime-o", () => new DateTime(2026, 11, 25, 14, 0, 5).ToString("o"));
            Probe("datetime-custom", () => new DateTime(2026, 11, 25, 14, 0, 5).ToString("yyyy-MM-dd HH:mm:ss"));
            Probe("datetime-kind", () => DateTime.UtcNow.Kind.ToString());
            Probe("datetime-unix-epoch-ticks", () => new DateTime(1970, 1, 1).Ticks.ToString());
            Probe("datetime-max-year", () => DateTime.MaxValue.Year.ToString());
            Probe("datetime-bad", () => new DateTime(2026, 2, 30).ToString());
            Probe("timespan-tostring", () => new TimeSpan(1, 2, 3, 4, 5).ToString());
            Probe("exception-null", () => ((string)null).Length.ToString());
            Probe("exception-index", () => Index(new byte[1], 2));
            Probe("exception-divide", () => (1 / Zero()).ToString());
            Probe("exception-cast", () => ((string)(object)3).Length.ToString());
            Probe("exception-argument-message", () => { throw new ArgumentException("bad digits"); });
            Probe("exception-argumentnull-message", () => { throw new ArgumentNullException("key"); });
            Probe("exception-array-copy", () => { Array.Copy(new byte[2], 0, new byte[1], 0, 2); return "copied"; });
            Probe("array-copy-overlap", () => Overlap());
            Probe("arraylist-indexof", () => new ArrayList { 1, "a", 2 }.IndexOf("a").ToString());
            Probe("convert-base64", () => Convert.ToBase64String(new byte[] { 1, 2, 3, 250 }));
            Probe("bitconverter", () => BitConverter.ToString(new byte[] { 1, 171 }));
            Console.WriteLine("probe: end");
        }

        private static int Zero() { return 0; }

        private static string Index(byte[] bytes, int i) { return bytes[i].ToString(); }

        private static string Sign(int value) { return value < 0 ? "-1" : value > 0 ? "1" : "0"; }

        private static string Joined(string[] parts)
        {
            string s = "";
            for (int i = 0; i < parts.Length; i++) s += (i > 0 ? "|" : "") + parts[i];
            return s;
        }

        private static string Overlap()
        {
            byte[] a = { 1, 2, 3, 4 };
            Array.Copy(a, 0, a, 1, 3);
            return a[0].ToString() + a[1].ToString() + a[2].ToString() + a[3].ToString();
        }

        private delegate string Body();

        private static string Try(Body body)
        {
            try
            {
                return body();
            }
            catch (Exception e)
            {
                return e.GetType().FullName + ": " + e.Message;
            }
        }

        /// <summary>One line per probe; a probe that throws prints the exception instead of stopping the run.</summary>
        private static void Probe(string name, Body body)
        {
            Console.WriteLine("probe: " + name + " = " + Try(body));
        }
    }
}
