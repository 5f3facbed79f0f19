using System.Security.Cryptography;
using System.Text;
using Daiban.Core.Common;

namespace Daiban.Core.Staff;

/// <summary>PBKDF2-SHA256 password hashes in the form <c>v1$iterations$salt$hash</c>; comparison in constant time.</summary>
public static class PasswordHashing
{
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password)
    {
        EnsureAcceptable(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"v1${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string? stored, string password)
    {
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != "v1" || !int.TryParse(parts[1], out var iterations))
            return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static readonly Lazy<string> NobodysHash = new(() => Hash("nobody-has-this-password-0"));

    /// <summary>
    /// Spends the time of a real check for a name nobody has (or an account without a password), so a sign-in's
    /// answer time does not tell an attacker which names exist.
    /// </summary>
    public static bool VerifyNobody(string password) => Verify(NobodysHash.Value, password) && false;

    /// <summary>At least 10 characters with letters and digits: long enough to resist guessing within the lock-out.</summary>
    public static void EnsureAcceptable(string password)
    {
        if (password.Length < 10 || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            throw DomainRuleException.Invalid("staff.password_weak", "密码至少10位，且须同时包含字母和数字。");
    }
}
