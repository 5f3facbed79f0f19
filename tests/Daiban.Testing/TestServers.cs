namespace Daiban.Testing;

/// <summary>
/// Where the real MariaDB and Redis started by ./test.sh listen. Tests never skip when they are missing: a test
/// run without the servers fails loudly instead of passing by testing nothing.
/// </summary>
public static class TestServers
{
    public static string MySqlServer =>
        Environment.GetEnvironmentVariable("DAIBAN_TEST_MYSQL") ?? "Server=127.0.0.1;Port=3306;User ID=daiban;Password=daiban-test";

    public static string Redis => Environment.GetEnvironmentVariable("DAIBAN_TEST_REDIS") ?? "127.0.0.1:6379";
}
