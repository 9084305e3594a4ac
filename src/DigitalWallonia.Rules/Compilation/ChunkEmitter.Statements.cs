using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>Member access, calls, blocks, conditions, loops and arrays.</summary>
internal sealed partial class ChunkEmitter
{
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
            if (method.DeclaringType != instance.Type)
            {
                // A method inherited from object or ValueType would need a constrained call; the binder never makes one.
                throw new NotSupportedException("inherited method on a struct");
            }

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
}
