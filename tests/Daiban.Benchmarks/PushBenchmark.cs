using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Daiban.WeChat;
using Daiban.WeChat.Crypto;

namespace Daiban.Benchmarks;

/// <summary>
/// Drives the safe-mode push endpoint of a real Kestrel process on loopback and, in the same run, a bare endpoint
/// of the same host: closed-loop throughput of both (the ratio is the figure), then latency percentiles at a fixed
/// open-loop rate. Every push is a distinct encrypted event, so nothing is short-circuited as a duplicate.
/// </summary>
internal static class PushBenchmark
{
    public static async Task RunAsync(int rate, int seconds, int concurrency, string? mysql, string? redis, string? only)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var host = StartHost(baseUrl, mysql, redis);
        try
        {
            await MeasureAsync(host, baseUrl, rate, seconds, concurrency, mysql, redis, only);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }
    }

    private static async Task MeasureAsync(Process host, string baseUrl, int rate, int seconds, int concurrency, string? mysql, string? redis, string? only)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = new Uri(baseUrl) };
        await WaitHealthyAsync(http);
        Console.WriteLine($"host: {baseUrl} ({(mysql is null ? "SQLite" : "MariaDB")}{(redis is null ? "" : " + Redis")}), {Environment.ProcessorCount} cores");

        // Two kinds of push: an event that asks for nothing (answered once verified, decrypted and de-duplicated;
        // recorded behind) and a subscription choice, which asks for work and is answered only once durably stored.
        var events = new PayloadFactory(PushKind.NothingToDo, rate * seconds + 12_000 * (seconds + 2));
        var choices = new PayloadFactory(PushKind.SubscriptionChoice, rate * seconds + 12_000 * (seconds + 2));
        // The baseline gets the very same bytes (query and encrypted body) and does nothing with them, so the ratio
        // is the cost of the push's work, not of the load generator building a larger request.
        var bareRequests = new PayloadFactory(PushKind.NothingToDo, 4_000, "/_bench/bare");
        HttpRequestMessage Bare() => bareRequests.NextCycling();
        // Settle the prepared payloads into the oldest generation before any clock starts.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        // Warm up every path (JIT, connection pool, EF model).
        await ClosedLoopAsync(host, http, events.Next, TimeSpan.FromSeconds(2), concurrency);
        await ClosedLoopAsync(host, http, choices.Next, TimeSpan.FromSeconds(2), concurrency);
        await ClosedLoopAsync(host, http, Bare, TimeSpan.FromSeconds(2), concurrency);
        await SettleAsync(host);

        var rows = new List<(string Name, Result Max, RateResult AtRate)>();
        foreach (var (name, make) in new (string, Func<HttpRequestMessage>)[]
                 {
                     ("bare POST, same bytes (baseline)", Bare),
                     ("safe-mode push: event, nothing to do", events.Next),
                     ("safe-mode push: subscription choice, durable before answer", choices.Next),
                 }.Where((row, i) => i == 0 || only is null || row.Item1.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} measuring {name}");
            var max = await ClosedLoopAsync(host, http, make, TimeSpan.FromSeconds(seconds), concurrency);
            var settled = await SettleAsync(host);
            var atRate = await OpenLoopAsync(http, make, rate, seconds);
            await SettleAsync(host);
            Console.WriteLine($"{name}: background work after the closed loop took {settled.TotalSeconds:F1} s to settle");
            rows.Add((name, max, atRate));
        }

        Console.WriteLine();
        Console.WriteLine($"| endpoint | max throughput (req/s, {concurrency} concurrent) | ratio to bare | host CPU µs/request | at {rate}/s: p50 ms | p99 ms | errors |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        var bare = rows[0].Max.Throughput;
        foreach (var (name, max, atRate) in rows)
            Console.WriteLine($"| {name} | {max.Throughput:F0} | {max.Throughput / bare:P0} | {max.HostCpuMicroseconds:F0} | {atRate.P50:F2} | {atRate.P99:F2} | {max.Errors + atRate.Errors} |");
    }

    /// <summary>
    /// Waits until the host is idle (under 5 % of one core over half a second): work a row left behind (records,
    /// subscription choices) is finished before the next measurement, so it is billed to no other row.
    /// </summary>
    private static async Task<TimeSpan> SettleAsync(Process host)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(60))
        {
            host.Refresh();
            var before = host.TotalProcessorTime;
            await Task.Delay(500);
            host.Refresh();
            if ((host.TotalProcessorTime - before).TotalMilliseconds < 25)
                break;
        }
        return sw.Elapsed;
    }

    private enum PushKind
    {
        NothingToDo,
        SubscriptionChoice,
    }

    private sealed record Result(double Throughput, int Errors, double HostCpuMicroseconds);

    private sealed record RateResult(double P50, double P99, int Errors, double Achieved);

    private static async Task<Result> ClosedLoopAsync(Process host, HttpClient http, Func<HttpRequestMessage> make, TimeSpan duration, int concurrency)
    {
        var count = 0;
        var errors = 0;
        host.Refresh();
        var cpuBefore = host.TotalProcessorTime;
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
        var elapsed = sw.Elapsed;
        host.Refresh();
        return new Result(count / elapsed.TotalSeconds, errors, (host.TotalProcessorTime - cpuBefore).TotalMicroseconds / count);
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
        // Bodies kept as UTF-8 bytes: half the memory of strings, and nothing to encode while the clock runs.
        private readonly (string Url, byte[] Body)[] _prepared;
        private readonly PushKind _kind;
        private readonly string _path;
        private long _n = -1;

        public PayloadFactory(PushKind kind, int count, string path = "/wx/push/miniprogram")
        {
            _kind = kind;
            _path = path;
            _prepared = Enumerable.Range(0, count).Select(i => Build(i)).ToArray();
        }

        public HttpRequestMessage NextCycling()
        {
            var (url, body) = _prepared[Interlocked.Increment(ref _n) % _prepared.Length];
            return Request(url, body);
        }

        public HttpRequestMessage Next()
        {
            var n = Interlocked.Increment(ref _n);
            var (url, body) = n < _prepared.Length ? _prepared[n] : Build(n);
            return Request(url, body);
        }

        private static HttpRequestMessage Request(string url, byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        }

        private (string Url, byte[] Body) Build(long n)
        {
            var user = $"oBench{n % 5000}";
            var plain = _kind == PushKind.NothingToDo
                ? $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>{1_700_000_000 + n}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_enter_tempsession]]></Event><SessionFrom><![CDATA[bench]]></SessionFrom></xml>"
                : $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>{1_700_000_000 + n}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_popup_event]]></Event><SubscribeMsgPopupEvent><List><TemplateId><![CDATA[tmpl-bench-{n % 3}]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>0</PopupScene></List></SubscribeMsgPopupEvent></xml>";
            var encrypted = _crypto.Encrypt(plain);
            // Current: the endpoint refuses timestamps outside its window (payloads are built a minute ahead at most).
            var (ts, nonce) = (DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), n.ToString());
            var url = $"{_path}?signature={PushSignature.Compute(WeChatOptions.DefaultToken, ts, nonce)}&timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={PushSignature.Compute(WeChatOptions.DefaultToken, ts, nonce, encrypted)}";
            return (url, Encoding.UTF8.GetBytes($"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"));
        }
    }

    internal static Process StartHost(string url, string? mysql, string? redis, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = typeof(Daiban.Web.Platform.HostingExtensions).Assembly.Location;
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
        // The host logs to standard output at Warning and above: show its failures, not its chatter.
        var failing = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            if (e.Data.StartsWith("fail:", StringComparison.Ordinal) || e.Data.StartsWith("crit:", StringComparison.Ordinal))
                failing = true;
            else if (!e.Data.StartsWith(' '))
                failing = false;
            if (failing)
                Console.Error.WriteLine(e.Data);
        };
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
