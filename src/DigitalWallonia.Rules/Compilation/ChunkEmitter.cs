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
internal sealed class ChunkEmitter
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

    private void EmitFieldLoad(Expression? instance, FieldInfo field)
    {
        if (field.IsStatic)
        {
            _il.Emit(OpCodes.Ldsfld, field);
            return;
        }

        if (instance is null || instance.Type.IsValueType)
        {
            throw new NotSupportedException("field of a struct");
        }

        Emit(instance);
        _il.Emit(OpCodes.Ldfld, field);
    }

    private void EmitCall(Expression? instance, MethodInfo method, IReadOnlyList<Expression> args)
    {
        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException("by-reference argument");
        }

        if (instance is null)
        {
            EmitArguments(args);
            _il.Emit(OpCodes.Call, method);
            return;
        }

        if (instance.Type.IsValueType)
        {
            var temp = EmitAddress(instance);
            EmitArguments(args);
            _il.Emit(OpCodes.Call, method);
            if (temp is not null)
            {
                Return(temp);
            }

            return;
        }

        // The binder never calls an instance method on a value that can be null (strings are null-checked first), but
        // callvirt keeps the CLR's null check so a mistake is a NullReferenceException caught as a rule error, not a crash.
        Emit(instance);
        EmitArguments(args);
        _il.Emit(method.IsVirtual || !method.DeclaringType!.IsValueType ? OpCodes.Callvirt : OpCodes.Call, method);
    }

    /// <summary>Pushes the address of a struct value; returns the temporary it had to use, to give back after the call.</summary>
    private LocalBuilder? EmitAddress(Expression value)
    {
        if (value is ParameterExpression p && _variables.TryGetValue(p, out var local))
        {
            _il.Emit(OpCodes.Ldloca, local);
            return null;
        }

        Emit(value);
        var temp = Rent(value.Type);
        _il.Emit(OpCodes.Stloc, temp);
        _il.Emit(OpCodes.Ldloca, temp);
        return temp;
    }

    private void EmitBlock(BlockExpression b)
    {
        foreach (var v in b.Variables)
        {
            if (_variables.ContainsKey(v) || v.IsByRef)
            {
                throw new NotSupportedException("variable declared twice");
            }

            // A reused local may hold an earlier block's value; a block's variables start at their default.
            var local = Rent(v.Type);
            _il.Emit(OpCodes.Ldloca, local);
            _il.Emit(OpCodes.Initobj, v.Type);
            _variables[v] = local;
        }

        for (var i = 0; i < b.Expressions.Count - 1; i++)
        {
            EmitAs(b.Expressions[i], typeof(void));
        }

        EmitAs(b.Expressions[^1], b.Type);
        foreach (var v in b.Variables)
        {
            Return(_variables[v]);
            _variables.Remove(v);
        }
    }

    private void EmitConditional(ConditionalExpression c)
    {
        var otherwise = _il.DefineLabel();
        var end = _il.DefineLabel();
        EmitAs(c.Test, typeof(bool));
        _il.Emit(OpCodes.Brfalse, otherwise);
        EmitAs(c.IfTrue, c.Type);
        _il.Emit(OpCodes.Br, end);
        _il.MarkLabel(otherwise);
        EmitAs(c.IfFalse, c.Type);
        _il.MarkLabel(end);
    }

    private void EmitLoop(LoopExpression l)
    {
        if (l.BreakLabel is { Type: var bt } && bt != typeof(void) || l.ContinueLabel is { Type: var ct } && ct != typeof(void))
        {
            throw new NotSupportedException("loop with a value");
        }

        // Fresh labels each time: the binder may use one subtree twice (an operand computed, then recorded for the
        // explanation), and each copy is a loop of its own.
        var start = _il.DefineLabel();
        var end = _il.DefineLabel();
        var saved = (Break: Bind(l.BreakLabel, end), Continue: Bind(l.ContinueLabel, start));
        _il.MarkLabel(start);
        EmitAs(l.Body, typeof(void));
        _il.Emit(OpCodes.Br, start);
        _il.MarkLabel(end);
        Unbind(l.BreakLabel, saved.Break);
        Unbind(l.ContinueLabel, saved.Continue);
    }

    private Label? Bind(LabelTarget? target, Label label)
    {
        if (target is null)
        {
            return null;
        }

        Label? previous = _labels.TryGetValue(target, out var p) ? p : null;
        _labels[target] = label;
        return previous;
    }

    private void Unbind(LabelTarget? target, Label? previous)
    {
        if (target is null)
        {
            return;
        }

        if (previous is { } p)
        {
            _labels[target] = p;
        }
        else
        {
            _labels.Remove(target);
        }
    }

    private void EmitArrayInit(NewArrayExpression a)
    {
        var element = a.Type.GetElementType()!;
        _il.Emit(OpCodes.Ldc_I4, a.Expressions.Count);
        _il.Emit(OpCodes.Newarr, element);
        for (var i = 0; i < a.Expressions.Count; i++)
        {
            _il.Emit(OpCodes.Dup);
            _il.Emit(OpCodes.Ldc_I4, i);
            EmitAs(a.Expressions[i], element);
            _il.Emit(OpCodes.Stelem, element);
        }
    }

    private void EmitUnary(UnaryExpression u)
    {
        switch (u.NodeType)
        {
            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                EmitConvert(u);
                return;
            case ExpressionType.Not when u.Type == typeof(bool) && u.Method is null:
                EmitAs(u.Operand, typeof(bool));
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                return;
            case ExpressionType.Throw:
                Emit(u.Operand!);
                _il.Emit(OpCodes.Throw);
                return;
            case ExpressionType.PreIncrementAssign when u.Operand is ParameterExpression p && (p.Type == typeof(int) || p.Type == typeof(long)) && u.Method is null:
            {
                var local = _variables.TryGetValue(p, out var l) ? l : throw new NotSupportedException("unbound variable");
                _il.Emit(OpCodes.Ldloc, local);
                if (p.Type == typeof(int))
                {
                    _il.Emit(OpCodes.Ldc_I4_1);
                }
                else
                {
                    _il.Emit(OpCodes.Ldc_I8, 1L);
                }

                _il.Emit(OpCodes.Add);
                _il.Emit(OpCodes.Dup);
                _il.Emit(OpCodes.Stloc, local);
                return;
            }

            case ExpressionType.ArrayLength:
                Emit(u.Operand);
                _il.Emit(OpCodes.Ldlen);
                _il.Emit(OpCodes.Conv_I4);
                return;
            case ExpressionType.NegateChecked or ExpressionType.Negate:
                EmitLifted(u.Type, [u.Operand], operands =>
                {
                    if (u.Method is not null)
                    {
                        _il.Emit(OpCodes.Call, u.Method);
                    }
                    else if (operands[0] == typeof(long) || operands[0] == typeof(int))
                    {
                        // 0 - x: the checked form makes negating the smallest integer an overflow, as C# does.
                        var temp = Rent(operands[0]);
                        _il.Emit(OpCodes.Stloc, temp);
                        if (operands[0] == typeof(long))
                        {
                            _il.Emit(OpCodes.Ldc_I8, 0L);
                        }
                        else
                        {
                            _il.Emit(OpCodes.Ldc_I4_0);
                        }

                        _il.Emit(OpCodes.Ldloc, temp);
                        Return(temp);
                        _il.Emit(u.NodeType == ExpressionType.NegateChecked ? OpCodes.Sub_Ovf : OpCodes.Sub);
                    }
                    else
                    {
                        throw new NotSupportedException("negate " + operands[0]);
                    }
                });
                return;
            default:
                throw new NotSupportedException(u.NodeType.ToString());
        }
    }

    private void EmitConvert(UnaryExpression u)
    {
        var from = u.Operand.Type;
        var to = u.Type;
        if (from == to)
        {
            Emit(u.Operand);
            return;
        }

        if (u.Method is not null)
        {
            // A conversion operator (long to decimal), lifted over nullables when the operand is nullable.
            EmitLifted(to, [u.Operand], _ => _il.Emit(OpCodes.Call, u.Method));
            return;
        }

        Emit(u.Operand);
        if (Nullable.GetUnderlyingType(to) == from)
        {
            _il.Emit(OpCodes.Newobj, to.GetConstructor([from])!);
        }
        else if (from.IsValueType && !to.IsValueType)
        {
            _il.Emit(OpCodes.Box, from);
        }
        else if (!from.IsValueType && to.IsValueType)
        {
            _il.Emit(OpCodes.Unbox_Any, to);
        }
        else if (!from.IsValueType && !to.IsValueType)
        {
            if (!to.IsAssignableFrom(from))
            {
                _il.Emit(OpCodes.Castclass, to);
            }
        }
        else if (from == typeof(int) && to == typeof(long))
        {
            _il.Emit(OpCodes.Conv_I8);
        }
        else if (from == typeof(long) && to == typeof(int))
        {
            _il.Emit(u.NodeType == ExpressionType.ConvertChecked ? OpCodes.Conv_Ovf_I4 : OpCodes.Conv_I4);
        }
        else
        {
            throw new NotSupportedException($"convert {from} to {to}");
        }
    }

    private void EmitBinary(BinaryExpression b)
    {
        switch (b.NodeType)
        {
            case ExpressionType.AndAlso or ExpressionType.OrElse when b.Type == typeof(bool) && b.Method is null:
            {
                var shortCut = _il.DefineLabel();
                var end = _il.DefineLabel();
                EmitAs(b.Left, typeof(bool));
                _il.Emit(b.NodeType == ExpressionType.AndAlso ? OpCodes.Brfalse : OpCodes.Brtrue, shortCut);
                EmitAs(b.Right, typeof(bool));
                _il.Emit(OpCodes.Br, end);
                _il.MarkLabel(shortCut);
                _il.Emit(b.NodeType == ExpressionType.AndAlso ? OpCodes.Ldc_I4_0 : OpCodes.Ldc_I4_1);
                _il.MarkLabel(end);
                return;
            }

            case ExpressionType.Assign:
                EmitAssign(b);
                return;
            case ExpressionType.ArrayIndex:
                Emit(b.Left);
                EmitAs(b.Right, typeof(int));
                _il.Emit(OpCodes.Ldelem, b.Type);
                return;
            case ExpressionType.Coalesce when b.Conversion is null:
                EmitCoalesce(b);
                return;
            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual when b.Type == typeof(bool):
                EmitComparison(b);
                return;
            case ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked
                or ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo
                when !b.IsLiftedToNull || Nullable.GetUnderlyingType(b.Type) is not null:
                EmitLifted(b.Type, [b.Left, b.Right], operands => EmitArithmetic(b, operands[0]));
                return;
            default:
                throw new NotSupportedException(b.NodeType.ToString());
        }
    }

    private void EmitArithmetic(BinaryExpression b, Type operand)
    {
        if (b.Method is not null)
        {
            _il.Emit(OpCodes.Call, b.Method);
            return;
        }

        if (operand != typeof(long) && operand != typeof(int))
        {
            throw new NotSupportedException("arithmetic on " + operand);
        }

        _il.Emit(b.NodeType switch
        {
            ExpressionType.Add => OpCodes.Add,
            ExpressionType.AddChecked => OpCodes.Add_Ovf,
            ExpressionType.Subtract => OpCodes.Sub,
            ExpressionType.SubtractChecked => OpCodes.Sub_Ovf,
            ExpressionType.Multiply => OpCodes.Mul,
            ExpressionType.MultiplyChecked => OpCodes.Mul_Ovf,
            ExpressionType.Divide => OpCodes.Div,
            _ => OpCodes.Rem,
        });
    }

    /// <summary>
    /// Emits <paramref name="operate"/> over the operands' values. When an operand is nullable the operation is lifted as
    /// C# lifts it: the result is null (default of <paramref name="result"/>) when any operand is null.
    /// </summary>
    private void EmitLifted(Type result, Expression[] operands, Action<Type[]> operate)
    {
        var underlying = operands.Select(o => Nullable.GetUnderlyingType(o.Type) ?? o.Type).ToArray();
        if (operands.All(o => Nullable.GetUnderlyingType(o.Type) is null))
        {
            EmitArguments(operands);
            operate(underlying);
            return;
        }

        var resultUnderlying = Nullable.GetUnderlyingType(result);
        if (resultUnderlying is null)
        {
            throw new NotSupportedException("lifted operation with a non-nullable result");
        }

        var temps = new LocalBuilder[operands.Length];
        var isNull = _il.DefineLabel();
        var end = _il.DefineLabel();
        for (var i = 0; i < operands.Length; i++)
        {
            Emit(operands[i]);
            temps[i] = Rent(operands[i].Type);
            _il.Emit(OpCodes.Stloc, temps[i]);
        }

        for (var i = 0; i < operands.Length; i++)
        {
            if (Nullable.GetUnderlyingType(operands[i].Type) is not null)
            {
                _il.Emit(OpCodes.Ldloca, temps[i]);
                _il.Emit(OpCodes.Call, operands[i].Type.GetProperty("HasValue")!.GetMethod!);
                _il.Emit(OpCodes.Brfalse, isNull);
            }
        }

        for (var i = 0; i < operands.Length; i++)
        {
            EmitValueOf(temps[i], operands[i].Type);
        }

        operate(underlying);
        _il.Emit(OpCodes.Newobj, result.GetConstructor([resultUnderlying])!);
        _il.Emit(OpCodes.Br, end);
        _il.MarkLabel(isNull);
        EmitDefault(result);
        _il.MarkLabel(end);
        foreach (var t in temps)
        {
            Return(t);
        }
    }

    private void EmitValueOf(LocalBuilder temp, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is null)
        {
            _il.Emit(OpCodes.Ldloc, temp);
            return;
        }

        _il.Emit(OpCodes.Ldloca, temp);
        _il.Emit(OpCodes.Call, type.GetMethod("GetValueOrDefault", Type.EmptyTypes)!);
    }

    private void EmitComparison(BinaryExpression b)
    {
        var left = b.Left.Type;
        var right = b.Right.Type;
        var leftNullable = Nullable.GetUnderlyingType(left) is not null;
        var rightNullable = Nullable.GetUnderlyingType(right) is not null;
        var isEquality = b.NodeType is ExpressionType.Equal or ExpressionType.NotEqual;
        if (!leftNullable && !rightNullable)
        {
            EmitArguments([b.Left, b.Right]);
            EmitCompareValues(b, left);
            return;
        }

        if (left != right)
        {
            throw new NotSupportedException("comparison of different types");
        }

        // x == null on a nullable: a presence test.
        if (isEquality && (b.Right is ConstantExpression { Value: null } || b.Left is ConstantExpression { Value: null }))
        {
            var value = b.Right is ConstantExpression { Value: null } ? b.Left : b.Right;
            var temp = EmitAddress(value);
            _il.Emit(OpCodes.Call, left.GetProperty("HasValue")!.GetMethod!);
            if (b.NodeType == ExpressionType.Equal)
            {
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
            }

            if (temp is not null)
            {
                Return(temp);
            }

            return;
        }

        // Lifted, result not lifted: equality is true when both are null; an ordering is false when either is null.
        var l = Rent(left);
        var r = Rent(right);
        Emit(b.Left);
        _il.Emit(OpCodes.Stloc, l);
        Emit(b.Right);
        _il.Emit(OpCodes.Stloc, r);
        var hasValue = left.GetProperty("HasValue")!.GetMethod!;
        var end = _il.DefineLabel();
        var bothPresent = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloca, l);
        _il.Emit(OpCodes.Call, hasValue);
        _il.Emit(OpCodes.Ldloca, r);
        _il.Emit(OpCodes.Call, hasValue);
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Brtrue, bothPresent);
        if (isEquality)
        {
            // Not both present: equal only when both are absent.
            _il.Emit(OpCodes.Ldloca, l);
            _il.Emit(OpCodes.Call, hasValue);
            _il.Emit(OpCodes.Ldloca, r);
            _il.Emit(OpCodes.Call, hasValue);
            _il.Emit(OpCodes.Or);
            if (b.NodeType == ExpressionType.Equal)
            {
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
            }
        }
        else
        {
            _il.Emit(OpCodes.Ldc_I4_0);
        }

        _il.Emit(OpCodes.Br, end);
        _il.MarkLabel(bothPresent);
        EmitValueOf(l, left);
        EmitValueOf(r, right);
        EmitCompareValues(b, Nullable.GetUnderlyingType(left)!);
        _il.MarkLabel(end);
        Return(l);
        Return(r);
    }

    /// <summary>Compares the two non-nullable values on the stack.</summary>
    private void EmitCompareValues(BinaryExpression b, Type operand)
    {
        if (b.Method is not null)
        {
            _il.Emit(OpCodes.Call, b.Method);
            return;
        }

        var isPrimitive = operand == typeof(int) || operand == typeof(long) || operand == typeof(bool);
        if (!isPrimitive && !(b.NodeType is ExpressionType.Equal or ExpressionType.NotEqual && !operand.IsValueType))
        {
            throw new NotSupportedException("comparison of " + operand);
        }

        switch (b.NodeType)
        {
            case ExpressionType.Equal:
                _il.Emit(OpCodes.Ceq);
                break;
            case ExpressionType.NotEqual:
                _il.Emit(OpCodes.Ceq);
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                break;
            case ExpressionType.LessThan:
                _il.Emit(OpCodes.Clt);
                break;
            case ExpressionType.GreaterThan:
                _il.Emit(OpCodes.Cgt);
                break;
            case ExpressionType.LessThanOrEqual:
                _il.Emit(OpCodes.Cgt);
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                break;
            default:
                _il.Emit(OpCodes.Clt);
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                break;
        }
    }

    private void EmitCoalesce(BinaryExpression b)
    {
        var end = _il.DefineLabel();
        if (!b.Left.Type.IsValueType)
        {
            Emit(b.Left);
            _il.Emit(OpCodes.Dup);
            _il.Emit(OpCodes.Brtrue, end);
            _il.Emit(OpCodes.Pop);
            EmitAs(b.Right, b.Type);
            _il.MarkLabel(end);
            return;
        }

        if (b.Left.Type != b.Type || b.Right.Type != b.Type)
        {
            throw new NotSupportedException("coalesce with a conversion");
        }

        var otherwise = _il.DefineLabel();
        var temp = Rent(b.Left.Type);
        Emit(b.Left);
        _il.Emit(OpCodes.Stloc, temp);
        _il.Emit(OpCodes.Ldloca, temp);
        _il.Emit(OpCodes.Call, b.Left.Type.GetProperty("HasValue")!.GetMethod!);
        _il.Emit(OpCodes.Brfalse, otherwise);
        _il.Emit(OpCodes.Ldloc, temp);
        _il.Emit(OpCodes.Br, end);
        _il.MarkLabel(otherwise);
        Emit(b.Right);
        _il.MarkLabel(end);
        Return(temp);
    }

    private void EmitAssign(BinaryExpression b)
    {
        switch (b.Left)
        {
            case ParameterExpression p when _variables.TryGetValue(p, out var local):
                EmitAs(b.Right, p.Type);
                _il.Emit(OpCodes.Dup);
                _il.Emit(OpCodes.Stloc, local);
                return;
            case IndexExpression { Indexer: null, Object: { } array, Arguments.Count: 1 } index:
            {
                var temp = Rent(index.Type);
                Emit(array);
                EmitAs(index.Arguments[0], typeof(int));
                EmitAs(b.Right, index.Type);
                _il.Emit(OpCodes.Dup);
                _il.Emit(OpCodes.Stloc, temp);
                _il.Emit(OpCodes.Stelem, index.Type);
                _il.Emit(OpCodes.Ldloc, temp);
                Return(temp);
                return;
            }

            default:
                throw new NotSupportedException("assignment to " + b.Left.NodeType);
        }
    }
}
