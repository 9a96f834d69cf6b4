;; The numeric kernels in WebAssembly SIMD128 (f64x2), compiled by the build with wabt; runs in any engine process.
;; Every pointer is a byte address in the imported shared memory; sizes are counts of f64 values.
;; The matrix products accumulate each output in ascending order of the summed index, starting from zero, as the
;; plain kernels do, so without fused multiply-add their results equal the plain ones bit for bit.
;; `(f64x2.relaxed_madd x y acc)` is x·y + acc: the relaxed build keeps it (fused where the CPU can), the plain build
;; rewrites it to `(f64x2.add acc (f64x2.mul x y))`; its operands are side-effect free, so their order does not matter.
(module
  (import "env" "memory" (memory 1 32768 shared))

  ;; Cache tiling: the summed index in blocks of KC, output columns in blocks of NC (a KC×NC panel of B is 128 KiB).
  (global $KC i32 (i32.const 256))
  (global $NC i32 (i32.const 64))

  ;; out[i0..i1)[j0..j1) of out[rows×cols] = A·B with A(r, s) at a + 8·(r·rs + s·ss) and B row-major inner×cols,
  ;; summed panel by panel. Each output's sum runs over the whole inner index in order, so a
  ;; product computed block by block (by several threads) equals the one computed whole.
  (func $gemmPart (export "gemmPart") (param $a i32) (param $rs i32) (param $ss i32) (param $b i32) (param $out i32)
              (param $inner i32) (param $cols i32) (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32)
    (local $jc i32) (local $jEnd i32) (local $p0 i32) (local $p1 i32) (local $i i32) (local $j i32)
    ;; Every output is written by the first panel of the summed index; with nothing to sum the block is zero.
    (if (i32.eqz (local.get $inner)) (then
      (local.set $i (local.get $i0))
      (block $zDone (loop $zLoop
        (br_if $zDone (i32.ge_u (local.get $i) (local.get $i1)))
        (memory.fill (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j0)) (i32.const 3)))
          (i32.const 0) (i32.shl (i32.sub (local.get $j1) (local.get $j0)) (i32.const 3)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $zLoop)))))
    (local.set $jc (local.get $j0))
    (block $jcDone (loop $jcLoop
      (br_if $jcDone (i32.ge_u (local.get $jc) (local.get $j1)))
      (local.set $jEnd (select (local.get $j1) (i32.add (local.get $jc) (global.get $NC))
        (i32.lt_u (local.get $j1) (i32.add (local.get $jc) (global.get $NC)))))
      (local.set $p0 (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_u (local.get $p0) (local.get $inner)))
        (local.set $p1 (select (local.get $inner) (i32.add (local.get $p0) (global.get $KC))
          (i32.lt_u (local.get $inner) (i32.add (local.get $p0) (global.get $KC)))))
        (local.set $i (local.get $i0))
        (block $iDone (loop $iLoop
          (br_if $iDone (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $i1)))
          (local.set $j (local.get $jc))
          (block $jDone (loop $jLoop
            (br_if $jDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $jEnd)))
            (call $tile4x4 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $jLoop)))
          (if (i32.le_u (i32.add (local.get $j) (i32.const 2)) (local.get $jEnd)) (then
            (call $tile4x2 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))))
          (if (i32.lt_u (local.get $j) (local.get $jEnd)) (then
            (call $dot1 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (call $dot1 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $p0) (local.get $p1))
            (call $dot1 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (i32.add (local.get $i) (i32.const 2)) (local.get $j) (local.get $p0) (local.get $p1))
            (call $dot1 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (i32.add (local.get $i) (i32.const 3)) (local.get $j) (local.get $p0) (local.get $p1))))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br $iLoop)))
        (if (i32.le_u (i32.add (local.get $i) (i32.const 2)) (local.get $i1)) (then
          (local.set $j (local.get $jc))
          (block $jDone (loop $jLoop
            (br_if $jDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $jEnd)))
            (call $tile2x4 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $jLoop)))
          (if (i32.le_u (i32.add (local.get $j) (i32.const 2)) (local.get $jEnd)) (then
            (call $tile1x2 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (call $tile1x2 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $p0) (local.get $p1))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))))
          (if (i32.lt_u (local.get $j) (local.get $jEnd)) (then
            (call $dot1 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (call $dot1 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $p0) (local.get $p1))))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))))
        (block $rDone (loop $rLoop
          (br_if $rDone (i32.ge_u (local.get $i) (local.get $i1)))
          (local.set $j (local.get $jc))
          (block $jDone (loop $jLoop
            (br_if $jDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $jEnd)))
            (call $tile1x4 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $jLoop)))
          (if (i32.le_u (i32.add (local.get $j) (i32.const 2)) (local.get $jEnd)) (then
            (call $tile1x2 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))))
          (if (i32.lt_u (local.get $j) (local.get $jEnd)) (then
            (call $dot1 (local.get $a) (local.get $rs) (local.get $ss) (local.get $b) (local.get $out) (local.get $cols)
              (local.get $i) (local.get $j) (local.get $p0) (local.get $p1))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $rLoop)))
        (local.set $p0 (local.get $p1))
        (br $pLoop)))
      (local.set $jc (local.get $jEnd))
      (br $jcLoop))))

  ;; out[i..i+3][j..j+3] += Σ_{p0≤p<p1} A(i+r, p)·B(p, j..j+3): eight f64x2 accumulators in registers.
  (func $tile4x4 (param $a i32) (param $rs i32) (param $ss i32) (param $b i32) (param $out i32) (param $cols i32)
                 (param $i i32) (param $j i32) (param $p0 i32) (param $p1 i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $pb i32) (local $o i32) (local $n8 i32)
    (local $ss8 i32) (local $p i32) (local $x v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $n8 (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $ss8 (i32.shl (local.get $ss) (i32.const 3)))
    (local.set $a0 (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rs))
      (i32.mul (local.get $p0) (local.get $ss))) (i32.const 3))))
    (local.set $a1 (i32.add (local.get $a0) (i32.shl (local.get $rs) (i32.const 3))))
    (local.set $a2 (i32.add (local.get $a1) (i32.shl (local.get $rs) (i32.const 3))))
    (local.set $a3 (i32.add (local.get $a2) (i32.shl (local.get $rs) (i32.const 3))))
    (local.set $pb (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $p0) (local.get $cols)) (local.get $j)) (i32.const 3))))
    (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 3))))
    ;; The first panel starts from zero (locals start at zero); later panels add to what earlier ones summed.
    (if (local.get $p0) (then
      (local.set $c00 (v128.load (local.get $o)))
      (local.set $c01 (v128.load offset=16 (local.get $o)))
      (local.set $c10 (v128.load (i32.add (local.get $o) (local.get $n8))))
      (local.set $c11 (v128.load offset=16 (i32.add (local.get $o) (local.get $n8))))
      (local.set $c20 (v128.load (i32.add (local.get $o) (i32.shl (local.get $n8) (i32.const 1)))))
      (local.set $c21 (v128.load offset=16 (i32.add (local.get $o) (i32.shl (local.get $n8) (i32.const 1)))))
      (local.set $c30 (v128.load (i32.add (local.get $o) (i32.mul (local.get $n8) (i32.const 3)))))
      (local.set $c31 (v128.load offset=16 (i32.add (local.get $o) (i32.mul (local.get $n8) (i32.const 3)))))))
    (local.set $p (local.get $p0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $p1)))
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      (local.set $x (v128.load64_splat (local.get $a0)))
      (local.set $c00 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
      (local.set $c01 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c01)))
      (local.set $x (v128.load64_splat (local.get $a1)))
      (local.set $c10 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
      (local.set $c11 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c11)))
      (local.set $x (v128.load64_splat (local.get $a2)))
      (local.set $c20 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c20)))
      (local.set $c21 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c21)))
      (local.set $x (v128.load64_splat (local.get $a3)))
      (local.set $c30 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c30)))
      (local.set $c31 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c31)))
      (local.set $a0 (i32.add (local.get $a0) (local.get $ss8)))
      (local.set $a1 (i32.add (local.get $a1) (local.get $ss8)))
      (local.set $a2 (i32.add (local.get $a2) (local.get $ss8)))
      (local.set $a3 (i32.add (local.get $a3) (local.get $ss8)))
      (local.set $pb (i32.add (local.get $pb) (local.get $n8)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (v128.store (local.get $o) (local.get $c00))
    (v128.store offset=16 (local.get $o) (local.get $c01))
    (v128.store (i32.add (local.get $o) (local.get $n8)) (local.get $c10))
    (v128.store offset=16 (i32.add (local.get $o) (local.get $n8)) (local.get $c11))
    (v128.store (i32.add (local.get $o) (i32.shl (local.get $n8) (i32.const 1))) (local.get $c20))
    (v128.store offset=16 (i32.add (local.get $o) (i32.shl (local.get $n8) (i32.const 1))) (local.get $c21))
    (v128.store (i32.add (local.get $o) (i32.mul (local.get $n8) (i32.const 3))) (local.get $c30))
    (v128.store offset=16 (i32.add (local.get $o) (i32.mul (local.get $n8) (i32.const 3))) (local.get $c31)))

  ;; The 4-row, 2-column edge of a tile row.
  (func $tile4x2 (param $a i32) (param $rs i32) (param $ss i32) (param $b i32) (param $out i32) (param $cols i32)
                 (param $i i32) (param $j i32) (param $p0 i32) (param $p1 i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $pb i32) (local $o i32) (local $n8 i32)
    (local $ss8 i32) (local $p i32) (local $b0 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $n8 (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $ss8 (i32.shl (local.get $ss) (i32.const 3)))
    (local.set $a0 (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rs))
      (i32.mul (local.get $p0) (local.get $ss))) (i32.const 3))))
    (local.set $a1 (i32.add (local.get $a0) (i32.shl (local.get $rs) (i32.const 3))))
    (local.set $a2 (i32.add (local.get $a1) (i32.shl (local.get $rs) (i32.const 3))))
    (local.set $a3 (i32.add (local.get $a2) (i32.shl (local.get $rs) (i32.const 3))))
    (local.set $pb (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $p0) (local.get $cols)) (local.get $j)) (i32.const 3))))
    (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 3))))
    ;; The first panel starts from zero (locals start at zero); later panels add to what earlier ones summed.
    (if (local.get $p0) (then
      (local.set $c0 (v128.load (local.get $o)))
      (local.set $c1 (v128.load (i32.add (local.get $o) (local.get $n8))))
      (local.set $c2 (v128.load (i32.add (local.get $o) (i32.shl (local.get $n8) (i32.const 1)))))
      (local.set $c3 (v128.load (i32.add (local.get $o) (i32.mul (local.get $n8) (i32.const 3)))))))
    (local.set $p (local.get $p0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $p1)))
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $c0 (f64x2.relaxed_madd (v128.load64_splat (local.get $a0)) (local.get $b0) (local.get $c0)))
      (local.set $c1 (f64x2.relaxed_madd (v128.load64_splat (local.get $a1)) (local.get $b0) (local.get $c1)))
      (local.set $c2 (f64x2.relaxed_madd (v128.load64_splat (local.get $a2)) (local.get $b0) (local.get $c2)))
      (local.set $c3 (f64x2.relaxed_madd (v128.load64_splat (local.get $a3)) (local.get $b0) (local.get $c3)))
      (local.set $a0 (i32.add (local.get $a0) (local.get $ss8)))
      (local.set $a1 (i32.add (local.get $a1) (local.get $ss8)))
      (local.set $a2 (i32.add (local.get $a2) (local.get $ss8)))
      (local.set $a3 (i32.add (local.get $a3) (local.get $ss8)))
      (local.set $pb (i32.add (local.get $pb) (local.get $n8)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (v128.store (local.get $o) (local.get $c0))
    (v128.store (i32.add (local.get $o) (local.get $n8)) (local.get $c1))
    (v128.store (i32.add (local.get $o) (i32.shl (local.get $n8) (i32.const 1))) (local.get $c2))
    (v128.store (i32.add (local.get $o) (i32.mul (local.get $n8) (i32.const 3))) (local.get $c3)))

  ;; Two rows, four columns (the rows left over below the last 4-row block).
  (func $tile2x4 (param $a i32) (param $rs i32) (param $ss i32) (param $b i32) (param $out i32) (param $cols i32)
                 (param $i i32) (param $j i32) (param $p0 i32) (param $p1 i32)
    (local $a0 i32) (local $a1 i32) (local $pb i32) (local $o i32) (local $n8 i32) (local $ss8 i32) (local $p i32)
    (local $x v128) (local $b0 v128) (local $b1 v128) (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local.set $n8 (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $ss8 (i32.shl (local.get $ss) (i32.const 3)))
    (local.set $a0 (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rs))
      (i32.mul (local.get $p0) (local.get $ss))) (i32.const 3))))
    (local.set $a1 (i32.add (local.get $a0) (i32.shl (local.get $rs) (i32.const 3))))
    (local.set $pb (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $p0) (local.get $cols)) (local.get $j)) (i32.const 3))))
    (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 3))))
    ;; The first panel starts from zero (locals start at zero); later panels add to what earlier ones summed.
    (if (local.get $p0) (then
      (local.set $c00 (v128.load (local.get $o)))
      (local.set $c01 (v128.load offset=16 (local.get $o)))
      (local.set $c10 (v128.load (i32.add (local.get $o) (local.get $n8))))
      (local.set $c11 (v128.load offset=16 (i32.add (local.get $o) (local.get $n8))))))
    (local.set $p (local.get $p0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $p1)))
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      (local.set $x (v128.load64_splat (local.get $a0)))
      (local.set $c00 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
      (local.set $c01 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c01)))
      (local.set $x (v128.load64_splat (local.get $a1)))
      (local.set $c10 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
      (local.set $c11 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c11)))
      (local.set $a0 (i32.add (local.get $a0) (local.get $ss8)))
      (local.set $a1 (i32.add (local.get $a1) (local.get $ss8)))
      (local.set $pb (i32.add (local.get $pb) (local.get $n8)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (v128.store (local.get $o) (local.get $c00))
    (v128.store offset=16 (local.get $o) (local.get $c01))
    (v128.store (i32.add (local.get $o) (local.get $n8)) (local.get $c10))
    (v128.store offset=16 (i32.add (local.get $o) (local.get $n8)) (local.get $c11)))

  ;; One row, four columns (the last row left over).
  (func $tile1x4 (param $a i32) (param $rs i32) (param $ss i32) (param $b i32) (param $out i32) (param $cols i32)
                 (param $i i32) (param $j i32) (param $p0 i32) (param $p1 i32)
    (local $a0 i32) (local $pb i32) (local $o i32) (local $n8 i32) (local $ss8 i32) (local $p i32) (local $x v128)
    (local $c0 v128) (local $c1 v128)
    (local.set $n8 (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $ss8 (i32.shl (local.get $ss) (i32.const 3)))
    (local.set $a0 (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rs))
      (i32.mul (local.get $p0) (local.get $ss))) (i32.const 3))))
    (local.set $pb (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $p0) (local.get $cols)) (local.get $j)) (i32.const 3))))
    (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 3))))
    ;; The first panel starts from zero (locals start at zero); later panels add to what earlier ones summed.
    (if (local.get $p0) (then
      (local.set $c0 (v128.load (local.get $o)))
      (local.set $c1 (v128.load offset=16 (local.get $o)))))
    (local.set $p (local.get $p0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $p1)))
      (local.set $x (v128.load64_splat (local.get $a0)))
      (local.set $c0 (f64x2.relaxed_madd (local.get $x) (v128.load (local.get $pb)) (local.get $c0)))
      (local.set $c1 (f64x2.relaxed_madd (local.get $x) (v128.load offset=16 (local.get $pb)) (local.get $c1)))
      (local.set $a0 (i32.add (local.get $a0) (local.get $ss8)))
      (local.set $pb (i32.add (local.get $pb) (local.get $n8)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (v128.store (local.get $o) (local.get $c0))
    (v128.store offset=16 (local.get $o) (local.get $c1)))

  ;; One row, two columns.
  (func $tile1x2 (param $a i32) (param $rs i32) (param $ss i32) (param $b i32) (param $out i32) (param $cols i32)
                 (param $i i32) (param $j i32) (param $p0 i32) (param $p1 i32)
    (local $a0 i32) (local $pb i32) (local $o i32) (local $n8 i32) (local $ss8 i32) (local $p i32) (local $c0 v128)
    (local.set $n8 (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $ss8 (i32.shl (local.get $ss) (i32.const 3)))
    (local.set $a0 (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rs))
      (i32.mul (local.get $p0) (local.get $ss))) (i32.const 3))))
    (local.set $pb (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $p0) (local.get $cols)) (local.get $j)) (i32.const 3))))
    (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 3))))
    ;; The first panel starts from zero (locals start at zero); later panels add to what earlier ones summed.
    (if (local.get $p0) (then
      (local.set $c0 (v128.load (local.get $o)))))
    (local.set $p (local.get $p0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $p1)))
      (local.set $c0 (f64x2.relaxed_madd (v128.load64_splat (local.get $a0)) (v128.load (local.get $pb)) (local.get $c0)))
      (local.set $a0 (i32.add (local.get $a0) (local.get $ss8)))
      (local.set $pb (i32.add (local.get $pb) (local.get $n8)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (v128.store (local.get $o) (local.get $c0)))

  ;; One output value, in scalar f64 (the last column when the width is odd).
  (func $dot1 (param $a i32) (param $rs i32) (param $ss i32) (param $b i32) (param $out i32) (param $cols i32)
              (param $i i32) (param $j i32) (param $p0 i32) (param $p1 i32)
    (local $a0 i32) (local $pb i32) (local $o i32) (local $n8 i32) (local $ss8 i32) (local $p i32) (local $c f64)
    (local.set $n8 (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $ss8 (i32.shl (local.get $ss) (i32.const 3)))
    (local.set $a0 (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rs))
      (i32.mul (local.get $p0) (local.get $ss))) (i32.const 3))))
    (local.set $pb (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $p0) (local.get $cols)) (local.get $j)) (i32.const 3))))
    (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 3))))
    ;; The first panel starts from zero (locals start at zero); later panels add to what earlier ones summed.
    (if (local.get $p0) (then
      (local.set $c (f64.load (local.get $o)))))
    (local.set $p (local.get $p0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $p1)))
      (local.set $c (f64.add (local.get $c) (f64.mul (f64.load (local.get $a0)) (f64.load (local.get $pb)))))
      (local.set $a0 (i32.add (local.get $a0) (local.get $ss8)))
      (local.set $pb (i32.add (local.get $pb) (local.get $n8)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (f64.store (local.get $o) (local.get $c)))

  ;; Rows p0..p1 of b (k×n) transposed into columns p0..p1 of `scratch` (n×k).
  (func $transposePart (export "transposePart") (param $b i32) (param $scratch i32) (param $n i32) (param $k i32) (param $p0 i32) (param $p1 i32)
    (local $p i32) (local $j i32) (local $src i32)
    (local.set $p (local.get $p0))
    (block $pDone (loop $pLoop
      (br_if $pDone (i32.ge_u (local.get $p) (local.get $p1)))
      (local.set $src (i32.add (local.get $b) (i32.shl (i32.mul (local.get $p) (local.get $n)) (i32.const 3))))
      (local.set $j (i32.const 0))
      (block $jDone (loop $jLoop
        (br_if $jDone (i32.ge_u (local.get $j) (local.get $n)))
        (f64.store (i32.add (local.get $scratch) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $p)) (i32.const 3)))
          (f64.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jLoop)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $pLoop))))

  ;; out[i, j] += row[j] for every row i of the m×n matrix out.
  (func (export "addRowVector") (param $out i32) (param $row i32) (param $m i32) (param $n i32)
    (local $i i32) (local $j i32) (local $o i32)
    (local.set $o (local.get $out))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $j (i32.const 0))
      (block $jDone (loop $jLoop
        (br_if $jDone (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $n)))
        (v128.store (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 3)))
          (f64x2.add (v128.load (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 3))))
                     (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3))))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $jLoop)))
      (if (i32.lt_u (local.get $j) (local.get $n)) (then
        (f64.store (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 3)))
          (f64.add (f64.load (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 3))))
                   (f64.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3))))))))
      (local.set $o (i32.add (local.get $o) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop))))

  ;; out[j] = Σ_i a[i, j] over the m rows of the m×n matrix a, summed in row order.
  (func (export "columnSums") (param $a i32) (param $out i32) (param $m i32) (param $n i32)
    (local $i i32) (local $j i32) (local $src i32)
    (memory.fill (local.get $out) (i32.const 0) (i32.shl (local.get $n) (i32.const 3)))
    (local.set $src (local.get $a))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $j (i32.const 0))
      (block $jDone (loop $jLoop
        (br_if $jDone (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $n)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64x2.add (v128.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
                     (v128.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 3))))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $jLoop)))
      (if (i32.lt_u (local.get $j) (local.get $n)) (then
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.add (f64.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
                   (f64.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 3))))))))
      (local.set $src (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop))))

  ;; out = x > 0 ? x : 0 (pmax(0, x) is exactly that: NaN and −0 give 0).
  (func (export "relu") (param $x i32) (param $out i32) (param $length i32)
    (local $i i32) (local $v f64)
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $length)))
      (v128.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
        (f64x2.pmax (v128.const f64x2 0 0) (v128.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $next)))
    (if (i32.lt_u (local.get $i) (local.get $length)) (then
      (local.set $v (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
      (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
        (select (local.get $v) (f64.const 0) (f64.gt (local.get $v) (f64.const 0)))))))

  ;; dx = x > 0 ? dy : 0.
  (func (export "reluBackward") (param $x i32) (param $dy i32) (param $dx i32) (param $length i32)
    (local $i i32) (local $offset i32)
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $length)))
      (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
      (v128.store (i32.add (local.get $dx) (local.get $offset))
        (v128.and (v128.load (i32.add (local.get $dy) (local.get $offset)))
                  (f64x2.gt (v128.load (i32.add (local.get $x) (local.get $offset))) (v128.const f64x2 0 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $next)))
    (if (i32.lt_u (local.get $i) (local.get $length)) (then
      (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
      (f64.store (i32.add (local.get $dx) (local.get $offset))
        (select (f64.load (i32.add (local.get $dy) (local.get $offset))) (f64.const 0)
          (f64.gt (f64.load (i32.add (local.get $x) (local.get $offset))) (f64.const 0)))))))

  ;; dx = dy · y · (1 − y).
  (func (export "sigmoidBackward") (param $y i32) (param $dy i32) (param $dx i32) (param $length i32)
    (local $i i32) (local $offset i32) (local $v v128) (local $s f64)
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $length)))
      (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
      (local.set $v (v128.load (i32.add (local.get $y) (local.get $offset))))
      (v128.store (i32.add (local.get $dx) (local.get $offset))
        (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $dy) (local.get $offset))) (local.get $v))
                   (f64x2.sub (v128.const f64x2 1 1) (local.get $v))))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $next)))
    (if (i32.lt_u (local.get $i) (local.get $length)) (then
      (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
      (local.set $s (f64.load (i32.add (local.get $y) (local.get $offset))))
      (f64.store (i32.add (local.get $dx) (local.get $offset))
        (f64.mul (f64.mul (f64.load (i32.add (local.get $dy) (local.get $offset))) (local.get $s))
                 (f64.sub (f64.const 1) (local.get $s)))))))

  ;; target += scale · source (multiplied, then added: never fused, so every variant updates weights alike).
  (func (export "addScaled") (param $target i32) (param $source i32) (param $scale f64) (param $length i32)
    (local $i i32) (local $offset i32) (local $s v128)
    (local.set $s (f64x2.splat (local.get $scale)))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $length)))
      (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
      (v128.store (i32.add (local.get $target) (local.get $offset))
        (f64x2.add (v128.load (i32.add (local.get $target) (local.get $offset)))
                   (f64x2.mul (local.get $s) (v128.load (i32.add (local.get $source) (local.get $offset))))))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $next)))
    (if (i32.lt_u (local.get $i) (local.get $length)) (then
      (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
      (f64.store (i32.add (local.get $target) (local.get $offset))
        (f64.add (f64.load (i32.add (local.get $target) (local.get $offset)))
                 (f64.mul (local.get $scale) (f64.load (i32.add (local.get $source) (local.get $offset)))))))))
)
