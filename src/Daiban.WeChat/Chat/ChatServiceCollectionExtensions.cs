using System.ClientModel;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Daiban.Core.Consultation;
using Daiban.WeChat.Auth;
using Microsoft.Extensions.AI;

namespace Daiban.WeChat.Chat;

public static class ChatServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDaibanChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName)
            .Validate(o => o.QuestionsPerMinute > 0, "Chat:QuestionsPerMinute must be positive.").ValidateOnStart();
        services.AddSingleton<KnowledgeBaseProvider>();
        services.AddScoped<ConsultationHandoff>();
        services.AddScoped<ConsultationDesk>();
        services.AddScoped<ContentCheck>();
        services.AddScoped<IConsultationBot, ConsultationService>();

        var chat = builder.Configuration.GetSection(ChatOptions.SectionName).Get<ChatOptions>() ?? new ChatOptions();
        if (chat.Llm.Enabled)
        {
            var llm = chat.Llm;
            services.AddSingleton<IChatClient>(_ => new OpenAI.Chat.ChatClient(llm.Model, new ApiKeyCredential(llm.ApiKey ?? ""),
                new OpenAI.OpenAIClientOptions { Endpoint = new Uri(llm.Endpoint!) }).AsIChatClient());
            services.AddSingleton(sp => new AnswerPhrasing(sp.GetRequiredService<IChatClient>(), TimeSpan.FromSeconds(llm.TimeoutSeconds)));
        }
        var perMinute = chat.QuestionsPerMinute;
        services.AddRateLimiter(o =>
        {
            // Per WeChat user when signed in, else per address; per instance (a determined flood is nginx's job, see deploy/).
            o.AddPolicy(ChatOptions.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirstValue(DaibanClaims.OpenId) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "提问过于频繁，请一分钟后再试", Detail = $"每分钟最多提问{perMinute}次。" },
                });
            };
        });
        return builder;
    }
}
