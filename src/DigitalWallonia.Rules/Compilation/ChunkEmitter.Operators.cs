using System.Linq.Expressions;
using System.Reflection.Emit;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>Operators and conversions, lifted over nullable operands as C# lifts them.</summary>
internal sealed partial class ChunkEmitter
{
    private void EmitUnary(UnaryExpression u)
    {
        switch (u.NodeType)
        {
            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                EmitConvert(u);
                return;
            case ExpressionType.Not when u.Type == typeof(bool) && u.Method is null:
                EmitAs(u.Operand, typeof(bool));
                EmitNot();
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
                EmitNot();
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
                EmitNot();
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

        // a <= b is !(a > b) and a >= b is !(a < b): IL has no direct opcode for them.
        var (compare, negate) = b.NodeType switch
        {
            ExpressionType.Equal => (OpCodes.Ceq, false),
            ExpressionType.NotEqual => (OpCodes.Ceq, true),
            ExpressionType.LessThan => (OpCodes.Clt, false),
            ExpressionType.GreaterThan => (OpCodes.Cgt, false),
            ExpressionType.LessThanOrEqual => (OpCodes.Cgt, true),
            _ => (OpCodes.Clt, true),
        };
        _il.Emit(compare);
        if (negate)
        {
            EmitNot();
        }
    }

    /// <summary>Turns the boolean on the stack into its negation.</summary>
    private void EmitNot()
    {
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
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
