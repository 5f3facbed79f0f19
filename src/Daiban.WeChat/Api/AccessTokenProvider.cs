using System.Text.Json;
using Daiban.Core.Common;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Api;

/// <summary>
/// One access token per app, shared by every instance through <see cref="ISharedStore"/>. Fetched from
/// /cgi-bin/stable_token in normal mode (never force_refresh), refreshed when five minutes remain, fetched once
/// per process at a time and once per cluster under a short lock; a failed token is dropped only if it is still
/// the cached one, so a late failure never throws away a newer token.
/// </summary>
public sealed class AccessTokenProvider(
    IHttpClientFactory httpFactory,
    ISharedStore store,
    IOptions<WeChatOptions> options,
    TimeProvider clock,
    ILogger<AccessTokenProvider> logger)
{
    public const string HttpClientName = "wechat-token";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockTtl = TimeSpan.FromSeconds(10);
    private readonly Dictionary<WeChatApp, SemaphoreSlim> _gates = Enum.GetValues<WeChatApp>().ToDictionary(a => a, _ => new SemaphoreSlim(1, 1));
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>How many times this process called stable_token (for tests and metrics).</summary>
    public int FetchCount => _fetchCount;
    private int _fetchCount;

    private sealed record Cached(string Token, DateTimeOffset ExpiresAt);

    public async Task<string> GetAsync(WeChatApp app, CancellationToken ct)
    {
        if (await ReadAsync(app) is { } hit)
            return hit;
        var gate = _gates[app];
        await gate.WaitAsync(ct);
        try
        {
            if (await ReadAsync(app) is { } again)
                return again;
            return await FetchUnderClusterLockAsync(app, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops <paramref name="failedToken"/> if it is still the cached one.</summary>
    public async Task InvalidateAsync(WeChatApp app, string failedToken)
    {
        var raw = await store.GetAsync(Key(app));
        if (raw is not null && JsonSerializer.Deserialize<Cached>(raw)?.Token == failedToken)
            await store.DeleteIfEqualsAsync(Key(app), raw);
    }

    private async Task<string> FetchUnderClusterLockAsync(WeChatApp app, CancellationToken ct)
    {
        var lockKey = Key(app) + ":lock";
        if (await store.SetIfAbsentAsync(lockKey, _instance, LockTtl))
        {
            try
            {
                return await ReadAsync(app) ?? await FetchAndStoreAsync(app, ct);
            }
            finally
            {
                await store.DeleteIfEqualsAsync(lockKey, _instance);
            }
        }
        // Another instance is fetching: wait for its token rather than fetching a second time.
        var deadline = clock.GetUtcNow() + LockTtl;
        while (clock.GetUtcNow() < deadline)
        {
            await Task.Delay(50, ct);
            if (await ReadAsync(app) is { } shared)
                return shared;
        }
        return await FetchAndStoreAsync(app, ct);
    }

    private async Task<string> FetchAndStoreAsync(WeChatApp app, CancellationToken ct)
    {
        var o = options.Value;
        var http = httpFactory.CreateClient(HttpClientName);
        Interlocked.Increment(ref _fetchCount);
        using var response = await WeChatApiException.OnTransportAsync("stable_token", () => http.PostAsJsonAsync(
            "cgi-bin/stable_token", new StableTokenRequest("client_credential", o.For(app).AppId, o.SecretFor(app)),
            WeChatJson.Options, ct), ct);
        var body = await response.Content.ReadFromJsonAsync<StableTokenResponse>(WeChatJson.Options, ct)
                   ?? throw new WeChatApiException("stable_token", -1, "empty response");
        if (body.ErrCode != 0 || string.IsNullOrEmpty(body.AccessToken))
            throw new WeChatApiException("stable_token", body.ErrCode == 0 ? -1 : body.ErrCode, body.ErrMsg ?? "no token");
        var expiresAt = clock.GetUtcNow().AddSeconds(body.ExpiresIn);
        var ttl = expiresAt - RefreshMargin - clock.GetUtcNow();
        if (ttl > TimeSpan.Zero)
        {
            try
            {
                await store.SetAsync(Key(app), JsonSerializer.Serialize(new Cached(body.AccessToken, expiresAt)), ttl);
            }
            catch (Exception e)
            {
                // A cache outage must not cost a token: use the fresh one and let the next call try the cache again.
                logger.LogWarning(e, "Could not cache the {App} access token", app);
            }
        }
        logger.LogInformation("Fetched a {App} access token valid for {Seconds} s", app, body.ExpiresIn);
        return body.AccessToken;
    }

    private async Task<string?> ReadAsync(WeChatApp app)
    {
        var raw = await store.GetAsync(Key(app));
        if (raw is null)
            return null;
        var cached = JsonSerializer.Deserialize<Cached>(raw);
        return cached is not null && cached.ExpiresAt - RefreshMargin > clock.GetUtcNow() ? cached.Token : null;
    }

    private string Key(WeChatApp app) => $"wechat:token:{options.Value.For(app).AppId}";
}
