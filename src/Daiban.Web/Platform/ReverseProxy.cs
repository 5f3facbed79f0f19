using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Daiban.Web.Platform;

/// <summary>
/// The proxies (nginx, a load balancer) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed.
/// Without this every anonymous asker behind nginx shares nginx's address (one chat rate limit for the whole city)
/// and a cookie cannot know the browser came over HTTPS. Loopback is always trusted; a header from anyone else is
/// ignored, so a client cannot choose its own address.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses of proxies, e.g. <c>10.0.0.12</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form, e.g. <c>172.28.0.0/16</c> (the compose network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsValid() =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}

public static class ReverseProxyExtensions
{
    public static IServiceCollection AddDaibanReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.SectionName)
            .Validate(o => o.IsValid(), "ReverseProxy:KnownProxies must be IP addresses and ReverseProxy:KnownNetworks CIDR networks (e.g. 172.28.0.0/16).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy hop: the address nginx saw is the client's; anything further left is what the client claimed.
            o.ForwardLimit = 1;
            foreach (var address in proxy.Value.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
