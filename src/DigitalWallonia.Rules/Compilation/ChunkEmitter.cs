using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// Turns a chunk of rule bodies (expression trees built by the binder) straight into IL, one <see cref="DynamicMethod"/>
/// whose <c>index</c> argument selects the body. <c>LambdaExpression.Compile</c> did the same job at about 0.2 ms of CPU
/// per rule (variable binding, stack spilling, closure analysis and its own allocations), which kept a 1,000-rule set
/// above the 100 ms compile target; the binder only produces a small set of node kinds without try/catch, closures or
/// nested lambdas, so a direct emitter needs none of that machinery. A node kind outside that set makes
/// <see cref="TryEmit{T}"/> return null and the caller falls back to <c>LambdaExpression.Compile</c>.
/// </summary>
internal sealed partial class ChunkEmitter
{
    private readonly ILGenerator _il;
    private readonly ParameterExpression _context;
    private readonly ParameterExpression _index;
    private readonly List<object?> _constants = [];
    private readonly Dictionary<ParameterExpression, LocalBuilder> _variables = [];
    private readonly Dictionary<LabelTarget, Label> _labels = [];
    private readonly Dictionary<Type, Stack<LocalBuilder>> _free = [];

    private ChunkEmitter(ILGenerator il, ParameterExpression context, ParameterExpression index)
    {
        _il = il;
        _context = context;
        _index = index;
    }

    /// <summary>
    /// One method for <paramref name="bodies"/>: <c>(ctx, i) =&gt; bodies[i]</c>, default(T) for any other index. Null when a
    /// body uses a node kind this emitter does not know.
    /// </summary>
    public static Func<EvalContext, int, T>? TryEmit<T>(IReadOnlyList<Expression> bodies, ParameterExpression context, ParameterExpression index)
    {
        // The first argument is the constants array the delegate is closed over; rule code reads it for literals IL cannot hold.
        var method = new DynamicMethod("rules", typeof(T), [typeof(object[]), typeof(EvalContext), typeof(int)], typeof(ChunkEmitter).Module, skipVisibility: true);
        var emitter = new ChunkEmitter(method.GetILGenerator(Math.Max(64, bodies.Count * 64)), context, index);
        try
        {
            emitter.EmitSwitch(bodies, typeof(T));
        }
        catch (NotSupportedException)
        {
            return null;
        }

        return (Func<EvalContext, int, T>)method.CreateDelegate(typeof(Func<EvalContext, int, T>), emitter._constants.ToArray());
    }

    private void EmitSwitch(IReadOnlyList<Expression> bodies, Type result)
    {
        var cases = new Label[bodies.Count];
        for (var i = 0; i < cases.Length; i++)
        {
            cases[i] = _il.DefineLabel();
        }

        _il.Emit(OpCodes.Ldarg_2);
        _il.Emit(OpCodes.Switch, cases);
        EmitDefault(result);
        _il.Emit(OpCodes.Ret);
        for (var i = 0; i < cases.Length; i++)
        {
            _il.MarkLabel(cases[i]);
            EmitAs(bodies[i], result);
            _il.Emit(OpCodes.Ret);
        }
    }

    /// <summary>Emits <paramref name="e"/> and leaves its value on the stack (nothing for void).</summary>
    private void Emit(Expression e)
    {
        switch (e)
        {
            case ParameterExpression p:
                EmitLoad(p);
                break;
            case ConstantExpression c:
                EmitConstant(c.Value, c.Type);
                break;
            case DefaultExpression d:
                EmitDefault(d.Type);
                break;
            case UnaryExpression u:
                EmitUnary(u);
                break;
            case BinaryExpression b:
                EmitBinary(b);
                break;
            case MethodCallExpression m:
                EmitCall(m.Object, m.Method, m.Arguments);
                break;
            case MemberExpression { Member: FieldInfo f } m:
                EmitFieldLoad(m.Expression, f);
                break;
            case MemberExpression { Member: PropertyInfo { GetMethod: { } getter } } m when getter.GetParameters().Length == 0:
                EmitCall(m.Expression, getter, []);
                break;
            case BlockExpression b:
                EmitBlock(b);
                break;
            case ConditionalExpression c:
                EmitConditional(c);
                break;
            case LoopExpression l:
                EmitLoop(l);
                break;
            case GotoExpression { Value: null } g when g.Target.Type == typeof(void):
                _il.Emit(OpCodes.Br, LabelOf(g.Target));
                break;
            case NewArrayExpression { NodeType: ExpressionType.NewArrayInit } a:
                EmitArrayInit(a);
                break;
            case NewArrayExpression { NodeType: ExpressionType.NewArrayBounds, Expressions.Count: 1 } a:
                EmitAs(a.Expressions[0], typeof(int));
                _il.Emit(OpCodes.Newarr, a.Type.GetElementType()!);
                break;
            case NewExpression { Constructor: { } ctor } n:
                EmitArguments(n.Arguments);
                _il.Emit(OpCodes.Newobj, ctor);
                break;
            case IndexExpression { Indexer: null, Object: { } array, Arguments.Count: 1 } index:
                Emit(array);
                EmitAs(index.Arguments[0], typeof(int));
                _il.Emit(OpCodes.Ldelem, index.Type);
                break;
            default:
                throw new NotSupportedException(e.NodeType.ToString());
        }
    }

    /// <summary>Emits <paramref name="e"/> as a value of <paramref name="type"/> (void: the value is dropped).</summary>
    private void EmitAs(Expression e, Type type)
    {
        Emit(e);
        if (type == typeof(void))
        {
            if (e.Type != typeof(void))
            {
                _il.Emit(OpCodes.Pop);
            }
        }
        else if (type != e.Type && !(type.IsAssignableFrom(e.Type) && !e.Type.IsValueType))
        {
            throw new NotSupportedException($"implicit {e.Type} to {type}");
        }
    }

    private void EmitArguments(IReadOnlyList<Expression> args)
    {
        foreach (var a in args)
        {
            Emit(a);
        }
    }

    private void EmitLoad(ParameterExpression p)
    {
        if (p == _context)
        {
            _il.Emit(OpCodes.Ldarg_1);
        }
        else if (p == _index)
        {
            _il.Emit(OpCodes.Ldarg_2);
        }
        else if (_variables.TryGetValue(p, out var local) && !p.IsByRef)
        {
            _il.Emit(OpCodes.Ldloc, local);
        }
        else
        {
            throw new NotSupportedException("unbound variable " + p.Name);
        }
    }

    private void EmitConstant(object? value, Type type)
    {
        switch (value)
        {
            case null when !type.IsValueType || Nullable.GetUnderlyingType(type) is not null:
                EmitDefault(type);
                return;
            case int i when type == typeof(int):
                _il.Emit(OpCodes.Ldc_I4, i);
                return;
            case bool b when type == typeof(bool):
                _il.Emit(b ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                return;
            case long l when type == typeof(long):
                _il.Emit(OpCodes.Ldc_I8, l);
                return;
            case string s:
                _il.Emit(OpCodes.Ldstr, s);
                return;
            case int or bool or long when Nullable.GetUnderlyingType(type) is { } underlying && underlying == value.GetType():
                EmitConstant(value, underlying);
                _il.Emit(OpCodes.Newobj, type.GetConstructor([underlying])!);
                return;
            case Enum when type.IsEnum && Enum.GetUnderlyingType(type) == typeof(int):
                _il.Emit(OpCodes.Ldc_I4, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
        }

        // Anything else (decimal, dates, nullable literals) is read from the constants array the delegate is closed over.
        _il.Emit(OpCodes.Ldarg_0);
        _il.Emit(OpCodes.Ldc_I4, _constants.Count);
        _il.Emit(OpCodes.Ldelem_Ref);
        _il.Emit(type.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, type);
        _constants.Add(value);
    }

    private void EmitDefault(Type type)
    {
        if (type == typeof(void))
        {
            return;
        }

        if (!type.IsValueType)
        {
            _il.Emit(OpCodes.Ldnull);
        }
        else if (type == typeof(bool) || type == typeof(int))
        {
            _il.Emit(OpCodes.Ldc_I4_0);
        }
        else if (type == typeof(long))
        {
            _il.Emit(OpCodes.Ldc_I8, 0L);
        }
        else
        {
            var temp = Rent(type);
            _il.Emit(OpCodes.Ldloca, temp);
            _il.Emit(OpCodes.Initobj, type);
            _il.Emit(OpCodes.Ldloc, temp);
            Return(temp);
        }
    }

    private LocalBuilder Rent(Type type)
        => _free.TryGetValue(type, out var stack) && stack.Count > 0 ? stack.Pop() : _il.DeclareLocal(type);

    private void Return(LocalBuilder local)
    {
        if (!_free.TryGetValue(local.LocalType, out var stack))
        {
            _free[local.LocalType] = stack = new Stack<LocalBuilder>();
        }

        stack.Push(local);
    }

    private Label LabelOf(LabelTarget target)
        => _labels.TryGetValue(target, out var label) ? label : throw new NotSupportedException("jump out of a loop's body");
}
