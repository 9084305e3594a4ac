using System.Linq.Expressions;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Compiles many expression bodies of one rule set into a few methods (a switch over an index), because each method
/// has a fixed cost (with <c>LambdaExpression.Compile</c>, ~0.5 ms per call on the 2-core bench machine, which made
/// 1,000 rules take seconds), and the JIT later compiles a few large methods faster than many small ones. The methods
/// are emitted by <see cref="ChunkEmitter"/>. One slot per body is handed out before compiling and filled by
/// <see cref="Compile"/>.
/// </summary>
internal sealed class CompiledBatch<T>
{
    /// <summary>
    /// Bodies per compiled method. Measured on the 2-core machine with <c>LambdaExpression.Compile</c>: 2.5 ms of CPU per
    /// rule compiled alone, 0.3 ms at 64 per method, 0.18 ms at 256. With <see cref="ChunkEmitter"/> emission costs little
    /// either way, but the first evaluation (the JIT compiling the methods) of the 1,000-rule set took 1.5-3 times longer
    /// at 16 or 64 per method than at 256. Kept at 256 so a method stays under the size where the JIT stops optimising.
    /// </summary>
    public static int ChunkSize { get; set; } = 256;

    private readonly ParameterExpression _context;
    private readonly ParameterExpression _index = Expression.Parameter(typeof(int), "index");
    private readonly List<(Expression Body, Slot Slot)> _pending = [];
    private readonly List<Task> _compiling = [];

    public CompiledBatch(ParameterExpression context) => _context = context;

    /// <summary>A compiled body: which method and which case of its switch.</summary>
    public sealed class Slot
    {
        public Func<EvalContext, int, T>? Method { get; set; }

        public int Index { get; set; }

        public T Invoke(EvalContext ctx) => Method!(ctx, Index); // filled by Compile before any rule can run.
    }

    /// <summary>
    /// Hands out the slot of <paramref name="body"/>. Each full chunk starts compiling on the thread pool at once, so the
    /// JIT work of earlier chunks overlaps the binding of later rules; <see cref="Compile"/> finishes the rest.
    /// </summary>
    public Slot Add(Expression body)
    {
        var slot = new Slot();
        _pending.Add((body, slot));
        if (_pending.Count == ChunkSize)
        {
            var chunk = _pending.ToArray();
            _pending.Clear();
            _compiling.Add(Task.Run(() => CompileChunk(chunk)));
        }

        return slot;
    }

    /// <summary>Compiles what is left and waits for every chunk: afterwards every slot can run.</summary>
    public void Compile()
    {
        if (_pending.Count > 0)
        {
            var chunk = _pending.ToArray();
            _pending.Clear();
            _compiling.Add(Task.Run(() => CompileChunk(chunk)));
        }

        Task.WaitAll([.. _compiling]);
        _compiling.Clear();
    }

    // Chunks are independent methods over immutable trees, so they compile concurrently on every core.
    private void CompileChunk((Expression Body, Slot Slot)[] chunk)
    {
        var method = ChunkEmitter.TryEmit<T>(Array.ConvertAll(chunk, p => p.Body), _context, _index) ?? CompileWithLinq(chunk);
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i].Slot.Method = method;
            chunk[i].Slot.Index = i;
        }
    }

    /// <summary>The general compiler, for a chunk that uses a node kind <see cref="ChunkEmitter"/> does not emit.</summary>
    private Func<EvalContext, int, T> CompileWithLinq((Expression Body, Slot Slot)[] chunk)
    {
        var cases = chunk.Select((p, i) => Expression.SwitchCase(p.Body, Expression.Constant(i))).ToArray();
        var body = Expression.Switch(typeof(T), _index, Expression.Default(typeof(T)), null, cases);
        return Expression.Lambda<Func<EvalContext, int, T>>(body, _context, _index).Compile();
    }
}
