using System.Diagnostics;
using Daiban.Benchmarks;

// Benchmarks are run by hand, never by the test command: they report ratios against a baseline measured in the
// same run, not pass/fail timings. See README "Benchmarks".
var command = args.FirstOrDefault() ?? "help";
switch (command)
{
    case "due-items":
        await DueItemsBenchmark.RunAsync(Options.Int(args, "--items", 100_000), Options.Int(args, "--rounds", 50));
        break;
    case "push":
        await PushBenchmark.RunAsync(Options.Int(args, "--rate", 500), Options.Int(args, "--seconds", 10), Options.Int(args, "--concurrency", 32),
            Options.Str(args, "--mysql"), Options.Str(args, "--redis"), Options.Str(args, "--only"));
        break;
    case "reminders":
        await RemindersBenchmark.RunAsync(Options.Int(args, "--items", 1_000_000), Options.Int(args, "--rounds", 20), Options.Str(args, "--redis"));
        break;
    case "dashboard":
        await DashboardBenchmark.RunAsync(Options.Int(args, "--cases", 20_000), Options.Int(args, "--rounds", 10));
        break;
    case "bot":
        BotBenchmark.Run(Options.Int(args, "--cases", 500), Options.Int(args, "--rounds", 50));
        break;
    case "seed-decade":
        await DecadeSeed.RunAsync(Options.Int(args, "--cases", 100_000), Options.Str(args, "--database") ?? "daiban_decade");
        break;
    case "volume":
        await VolumeBenchmark.RunAsync(Options.Str(args, "--database") ?? "daiban_decade", Options.Int(args, "--users", 50),
            Options.Int(args, "--requests", 1000), Options.Str(args, "--only"));
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/Daiban.Benchmarks -- due-items [--items 100000] [--rounds 50]");
        Console.WriteLine("       dotnet run -c Release --project tests/Daiban.Benchmarks -- push [--rate 500] [--seconds 10] [--concurrency 32] [--mysql CS] [--redis HOST:PORT] [--only event|choice]");
        Console.WriteLine("       dotnet run -c Release --project tests/Daiban.Benchmarks -- reminders [--items 1000000] [--rounds 20] [--redis HOST:PORT]");
        Console.WriteLine("       dotnet run -c Release --project tests/Daiban.Benchmarks -- bot [--cases 500] [--rounds 50]");
        Console.WriteLine("       dotnet run -c Release --project tests/Daiban.Benchmarks -- dashboard [--cases 20000] [--rounds 10]");
        Console.WriteLine("       dotnet run -c Release --project tests/Daiban.Benchmarks -- seed-decade [--cases 100000] [--database daiban_decade]");
        Console.WriteLine("       dotnet run -c Release --project tests/Daiban.Benchmarks -- volume [--database daiban_decade] [--users 50] [--requests 1000] [--only NAME]");
        Console.WriteLine("needs the MariaDB that ./test.sh starts (or DAIBAN_TEST_MYSQL)");
        break;
}

internal static class Options
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    public static string? Str(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static (double Median, double P95) Measure(int rounds, Func<Task> action)
    {
        var samples = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            action().GetAwaiter().GetResult();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)(samples.Count * 0.95)]);
    }
}
