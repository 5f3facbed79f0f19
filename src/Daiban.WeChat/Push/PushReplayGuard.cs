using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Daiban.Core.Common;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Push;

/// <summary>What the replay guard says about a push's (timestamp, nonce).</summary>
public enum NonceVerdict
{
    /// <summary>First use, or the same body again: WeChat's retry, left to the record's de-duplication.</summary>
    Accepted,
    /// <summary>The pair was already used for another body: a forged body under a leaked query string.</summary>
    Reused,
    /// <summary>The shared store cannot be reached; the push is refused and WeChat retries it.</summary>
    Unavailable,
}

/// <summary>
/// Keeps a signed query string from being replayed. <c>signature</c> covers token, timestamp and nonce only, never
/// the body, so: a timestamp must be within <see cref="WeChatOptions.PushTimestampTolerance"/> of our clock, and, for a
/// body nothing else authenticates (plain mode), the pair (timestamp, nonce) is bound to a digest of the body in the
/// shared store for as long as the timestamp is accepted, on every instance. The same body again is WeChat's retry;
/// another body is refused. In safe mode the ledger is not consulted: msg_signature covers the ciphertext, so a
/// different body under a used pair already fails it, and the identical one is a retry for the de-duplication.
/// </summary>
public sealed class PushReplayGuard(ISharedStore store, IOptions<WeChatOptions> options, TimeProvider clock,
    ILogger<PushReplayGuard> logger)
{
    /// <summary>WeChat's nonces are about ten digits; a longer one would only make the ledger's keys large.</summary>
    public const int MaxNonceLength = 64;

    public bool IsFresh(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        var skew = clock.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(skew) <= options.Value.PushTimestampTolerance.TotalSeconds;
    }

    public async Task<NonceVerdict> UseNonceAsync(WeChatApp app, string timestamp, string nonce, string body)
    {
        var key = $"push-nonce:{app}:{timestamp}:{nonce}";
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        // The timestamp is accepted from tolerance before to tolerance after it: remember the pair that long, plus
        // a minute for clocks of instances that disagree a little.
        var ttl = options.Value.PushTimestampTolerance * 2 + TimeSpan.FromMinutes(1);
        try
        {
            if (await store.SetIfAbsentAsync(key, digest, ttl))
                return NonceVerdict.Accepted;
            // Only a retry (or an attack) gets here: the second round trip is not on the common path.
            var used = await store.GetAsync(key);
            return used is not null && used != digest ? NonceVerdict.Reused : NonceVerdict.Accepted;
        }
        catch (Exception e)
        {
            logger.LogWarning("Push nonce ledger unavailable ({Error}); push refused", e.GetType().Name);
            return NonceVerdict.Unavailable;
        }
    }
}
