"""LLVM intrinsics that numba does not expose for CPU code: atomic read-modify-write and bit counting.

These are compiled inline into the calling kernel, so they cost what the machine instruction costs
(``lock or``, ``lock xadd``, ``tzcnt``, ``popcnt`` on x86-64). Indices are not bounds-checked.
"""

from __future__ import annotations

from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

__all__ = ["atomic_or_u8", "atomic_or_u64", "atomic_add_i64", "ctz64", "popcount64", "prefetch", "prefetch_write"]


def _element_pointer(context, builder, arr_type, arr_value, index_type, index_value):
    array = context.make_array(arr_type)(context, builder, arr_value)
    index = context.cast(builder, index_value, index_type, types.intp)
    return cgutils.get_item_pointer(context, builder, arr_type, array, [index], wraparound=False)


def _atomic_rmw(op: str, dtype, verb: str):
    """An intrinsic ``f(arr, index, value)`` doing ``old = arr[index]; arr[index] <op>= value`` atomically
    on arrays of ``dtype`` and returning ``old``."""

    def impl(typingctx, arr, index, value):
        if not (isinstance(arr, types.Array) and arr.dtype == dtype and isinstance(index, types.Integer)):
            return None

        def codegen(context, builder, sig, args):
            ptr = _element_pointer(context, builder, sig.args[0], args[0], sig.args[1], args[1])
            val = context.cast(builder, args[2], sig.args[2], dtype)
            return builder.atomic_rmw(op, ptr, val, "monotonic")

        return dtype(arr, index, value), codegen

    impl.__name__ = f"atomic_{verb}_{dtype}"
    impl.__doc__ = f"``old = arr[index]; arr[index] {op}= value`` as one atomic step on {dtype} arrays; returns ``old``."
    return intrinsic(impl)


atomic_or_u8 = _atomic_rmw("or", types.uint8, "or")
atomic_or_u64 = _atomic_rmw("or", types.uint64, "or")
atomic_add_i64 = _atomic_rmw("add", types.int64, "add")


@intrinsic
def ctz64(typingctx, x):
    """Number of trailing zero bits of a uint64 (64 for 0)."""
    if not isinstance(x, types.Integer):
        return None

    def codegen(context, builder, sig, args):
        val = context.cast(builder, args[0], sig.args[0], types.uint64)
        fn = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(ir.IntType(64), [ir.IntType(64), ir.IntType(1)]), "llvm.cttz.i64"
        )
        return builder.call(fn, [val, ir.Constant(ir.IntType(1), 0)])

    return types.uint64(x), codegen


@intrinsic
def popcount64(typingctx, x):
    """Number of set bits of a uint64."""
    if not isinstance(x, types.Integer):
        return None

    def codegen(context, builder, sig, args):
        val = context.cast(builder, args[0], sig.args[0], types.uint64)
        fn = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(ir.IntType(64), [ir.IntType(64)]), "llvm.ctpop.i64"
        )
        return builder.call(fn, [val])

    return types.uint64(x), codegen


def _prefetch(write: int):
    def impl(typingctx, arr, index):
        if not (isinstance(arr, types.Array) and isinstance(index, types.Integer)):
            return None

        def codegen(context, builder, sig, args):
            array = context.make_array(sig.args[0])(context, builder, args[0])
            index = context.cast(builder, args[1], sig.args[1], types.intp)
            ptr = builder.gep(array.data, [index])
            raw = builder.bitcast(ptr, ir.IntType(8).as_pointer())
            i32 = ir.IntType(32)
            fn = cgutils.get_or_insert_function(
                builder.module, ir.FunctionType(ir.VoidType(), [ir.IntType(8).as_pointer(), i32, i32, i32]),
                "llvm.prefetch.p0",
            )
            builder.call(fn, [raw, ir.Constant(i32, write), ir.Constant(i32, 3), ir.Constant(i32, 1)])
            return context.get_dummy_value()

        return types.none(arr, index), codegen

    return intrinsic(impl)


prefetch = _prefetch(0)
prefetch.__doc__ = "Hint the cache to load ``arr[index]`` soon (no fault on any index; a no-op where unsupported)."
prefetch_write = _prefetch(1)
prefetch_write.__doc__ = ("Hint the cache to load ``arr[index]`` for writing (exclusive), so a later atomic on it "
                          "does not wait for the line; no fault on any index.")
