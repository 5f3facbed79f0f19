using System.ClientModel;
using Daiban.Core.Consultation;
using Daiban.WeChat.Api;
using Microsoft.Extensions.AI;

namespace Daiban.Web.Consultation;

public static class ChatServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDaibanChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName)
            .Validate(o => o.QuestionsPerMinute > 0, "Chat:QuestionsPerMinute must be positive.").ValidateOnStart();
        services.AddScoped<ContentCheck>();

        var chat = builder.Configuration.GetSection(ChatOptions.SectionName).Get<ChatOptions>() ?? new ChatOptions();
        if (chat.Llm.Enabled)
        {
            var llm = chat.Llm;
            services.AddSingleton<IChatClient>(_ => new OpenAI.Chat.ChatClient(llm.Model, new ApiKeyCredential(llm.ApiKey ?? ""),
                new OpenAI.OpenAIClientOptions { Endpoint = new Uri(llm.Endpoint!) }).AsIChatClient());
            services.AddSingleton(sp => new AnswerPhrasing(sp.GetRequiredService<IChatClient>(), TimeSpan.FromSeconds(llm.TimeoutSeconds)));
        }

        return builder;
    }
}
