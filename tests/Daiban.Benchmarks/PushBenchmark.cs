using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Daiban.WeChat.WeChat;
using Daiban.WeChat.WeChat.Crypto;

namespace Daiban.Benchmarks;

/// <summary>
/// Drives the safe-mode push endpoint of a real Kestrel process on loopback and, in the same run, a bare endpoint
/// of the same host: closed-loop throughput of both (the ratio is the figure), then latency percentiles at a fixed
/// open-loop rate. Every push is a distinct encrypted event, so nothing is short-circuited as a duplicate.
/// </summary>
internal static class PushBenchmark
{
    public static async Task RunAsync(int rate, int seconds, int concurrency, string? mysql, string? redis)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var host = StartHost(baseUrl, mysql, redis);
        try
        {
            await MeasureAsync(baseUrl, rate, seconds, concurrency, mysql, redis);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }
    }

    private static async Task MeasureAsync(string baseUrl, int rate, int seconds, int concurrency, string? mysql, string? redis)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = new Uri(baseUrl) };
        await WaitHealthyAsync(http);
        Console.WriteLine($"host: {baseUrl} ({(mysql is null ? "SQLite" : "MariaDB")}{(redis is null ? "" : " + Redis")}), {Environment.ProcessorCount} cores");

        var payloads = new PayloadFactory(rate * seconds + 4_000 * (seconds + 2));
        // Warm up both paths (JIT, connection pool, EF model).
        await ClosedLoopAsync(http, () => payloads.Next(), TimeSpan.FromSeconds(2), concurrency);
        await ClosedLoopAsync(http, Bare, TimeSpan.FromSeconds(2), concurrency);

        var bare = await ClosedLoopAsync(http, Bare, TimeSpan.FromSeconds(seconds), concurrency);
        var push = await ClosedLoopAsync(http, () => payloads.Next(), TimeSpan.FromSeconds(seconds), concurrency);
        var bareAtRate = await OpenLoopAsync(http, Bare, rate, seconds);
        var pushAtRate = await OpenLoopAsync(http, () => payloads.Next(), rate, seconds);

        Console.WriteLine();
        Console.WriteLine($"| endpoint | max throughput (req/s, {concurrency} concurrent) | at {rate}/s: p50 ms | p99 ms | errors |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Console.WriteLine($"| bare POST (baseline) | {bare.Throughput:F0} | {bareAtRate.P50:F2} | {bareAtRate.P99:F2} | {bare.Errors + bareAtRate.Errors} |");
        Console.WriteLine($"| safe-mode push | {push.Throughput:F0} | {pushAtRate.P50:F2} | {pushAtRate.P99:F2} | {push.Errors + pushAtRate.Errors} |");
        Console.WriteLine($"push / bare throughput: {push.Throughput / bare.Throughput:P0}; achieved rate {pushAtRate.Achieved:F0}/s");
    }

    private static HttpRequestMessage Bare() => new(HttpMethod.Post, "/_bench/bare") { Content = new StringContent("x") };

    private sealed record Result(double Throughput, int Errors);

    private sealed record RateResult(double P50, double P99, int Errors, double Achieved);

    private static async Task<Result> ClosedLoopAsync(HttpClient http, Func<HttpRequestMessage> make, TimeSpan duration, int concurrency)
    {
        var count = 0;
        var errors = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (sw.Elapsed < duration)
            {
                using var response = await http.SendAsync(make());
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref errors);
                Interlocked.Increment(ref count);
            }
        }));
        return new Result(count / sw.Elapsed.TotalSeconds, errors);
    }

    private static async Task<RateResult> OpenLoopAsync(HttpClient http, Func<HttpRequestMessage> make, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var tasks = new List<Task>(total);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            // Send on schedule whatever the answers do: latency is measured from the planned start, so queuing counts.
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - sw.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            var index = i;
            var request = make();
            tasks.Add(Task.Run(async () =>
            {
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref errors);
                latencies[index] = (sw.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(tasks);
        var elapsed = sw.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new RateResult(latencies[total / 2], latencies[(int)(total * 0.99)], errors, total / elapsed);
    }

    /// <summary>Encrypts and signs every push before the clock starts, so the client's crypto does not steal the server's CPU.</summary>
    private sealed class PayloadFactory
    {
        private readonly WeChatMessageCrypto _crypto = new(WeChatOptions.DefaultEncodingAesKey, WeChatOptions.DefaultMiniProgramAppId);
        private readonly (string Url, string Body)[] _prepared;
        private long _n = -1;

        public PayloadFactory(int count) => _prepared = Enumerable.Range(0, count).Select(i => Build(i)).ToArray();

        public HttpRequestMessage Next()
        {
            var n = Interlocked.Increment(ref _n);
            var (url, body) = n < _prepared.Length ? _prepared[n] : Build(n);
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        }

        private (string Url, string Body) Build(long n)
        {
            var plain = $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[oBench{n % 5000}]]></FromUserName><CreateTime>{1_700_000_000 + n}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_enter_tempsession]]></Event><SessionFrom><![CDATA[bench]]></SessionFrom></xml>";
            var encrypted = _crypto.Encrypt(plain);
            var (ts, nonce) = ("1764000000", n.ToString());
            var url = $"/wx/push/miniprogram?signature={PushSignature.Compute(WeChatOptions.DefaultToken, ts, nonce)}&timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={PushSignature.Compute(WeChatOptions.DefaultToken, ts, nonce, encrypted)}";
            return (url, $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>");
        }
    }

    internal static Process StartHost(string url, string? mysql, string? redis, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = typeof(Daiban.WeChat.WeChat.WeChatOptions).Assembly.Location;
        var data = Path.Combine(Path.GetTempPath(), $"daiban-bench-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Benchmark__BareEndpoint"] = "true";
        info.Environment["Database__SqlitePath"] = Path.Combine(data, "bench.db");
        info.Environment["Database__SeedDemoData"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ConnectionStrings__MySql"] = mysql ?? "";
        info.Environment["ConnectionStrings__Redis"] = redis ?? "";
        info.Environment["Database__AutoMigrate"] = "true";
        info.Environment["Auth__SigningKey"] = "benchmark-signing-key-0123456789abcdef";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitHealthyAsync(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The host did not become healthy.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
