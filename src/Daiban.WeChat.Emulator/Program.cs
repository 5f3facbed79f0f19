using Daiban.WeChat.Emulator;

// dotnet run --project src/Daiban.WeChat.Emulator -- --urls http://127.0.0.1:5200 \
//   --WeChat:Emulator:PushTargets:0 http://127.0.0.1:5001 --WeChat:Emulator:PushTargets:1 http://127.0.0.1:5002
EmulatorHost.Build(args).Run();
