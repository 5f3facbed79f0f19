namespace Daiban.Core.Common;

/// <summary>
/// The one way Daiban declares a state machine: a table of allowed (from, to) moves. Entities ask it before every
/// change, so an illegal move is always refused the same way.
/// </summary>
public sealed class TransitionTable<TState> where TState : struct, Enum
{
    private readonly Dictionary<TState, HashSet<TState>> _allowed;
    private readonly Func<TState, string> _describe;
    private readonly string _codePrefix;

    public TransitionTable(string codePrefix, Func<TState, string> describe, IDictionary<TState, TState[]> allowed)
    {
        _codePrefix = codePrefix;
        _describe = describe;
        _allowed = allowed.ToDictionary(kv => kv.Key, kv => kv.Value.ToHashSet());
    }

    /// <summary>The state's Chinese name, as the table describes it in its messages.</summary>
    public string Describe(TState state) => _describe(state);

    public bool IsAllowed(TState from, TState to) => _allowed.TryGetValue(from, out var next) && next.Contains(to);

    public IEnumerable<TState> Next(TState from) => _allowed.TryGetValue(from, out var next) ? next : [];

    public void Ensure(TState from, TState to)
    {
        if (!IsAllowed(from, to))
            throw new DomainRuleException($"{_codePrefix}.invalid_transition",
                $"当前状态为“{_describe(from)}”，不能变更为“{_describe(to)}”。");
    }
}
