/// The loops behind the reductions: each walks the tensor once in storage order,
/// with the elements that reduce to one result (a slot) lying `inner` apart.
extension Tensor {
  /// Σ term(x, centre) over the elements x of each slot, with the slot's entry of
  /// `centres` (such as its mean) as centre.
  ///
  /// Along the last axis, or over all elements, a slot is one contiguous run, summed
  /// pairwise: the run is halved until pieces are short, so rounding errors grow
  /// with log n rather than n, as in NumPy. Along other axes each position adds a
  /// contiguous row into a row of running totals, which vectorises well.
  func sums(
    _ layout: ReductionLayout, centres: [Double]? = nil,
    _ term: (Double, Double) -> Double
  ) -> [Double] {
    let centres = centres ?? [Double](repeating: 0, count: layout.slotCount)
    guard layout.inner == 1 else {
      return fold(layout, initial: 0, centres: centres) { total, x, centre in
        total + term(x, centre)
      }
    }
    let size = layout.size
    return scalars.withUnsafeBufferPointer { source in
      (0..<layout.slotCount).map { slot in
        Self.pairwiseSum(source, from: slot * size, count: size, centre: centres[slot], term)
      }
    }
  }

  /// Σ term(source[i], centre) for i in `start..<start + count`, summed pairwise.
  private static func pairwiseSum(
    _ source: UnsafeBufferPointer<Double>, from start: Int, count: Int, centre: Double,
    _ term: (Double, Double) -> Double
  ) -> Double {
    guard count <= 128 else {
      let half = count / 2
      return pairwiseSum(source, from: start, count: half, centre: centre, term)
        + pairwiseSum(source, from: start + half, count: count - half, centre: centre, term)
    }
    // Four running totals break the chain of dependent additions, so they overlap.
    var totals = (0.0, 0.0, 0.0, 0.0)
    var index = start
    let end = start + count
    while index + 4 <= end {
      totals.0 += term(source[index], centre)
      totals.1 += term(source[index + 1], centre)
      totals.2 += term(source[index + 2], centre)
      totals.3 += term(source[index + 3], centre)
      index += 4
    }
    while index < end {
      totals.0 += term(source[index], centre)
      index += 1
    }
    return (totals.0 + totals.1) + (totals.2 + totals.3)
  }

  /// The largest element of each slot, NaN if it holds one, and -infinity if empty.
  ///
  /// `x > largest` is false for NaN, so a NaN is let in explicitly and then never
  /// beaten, as NumPy's max propagates NaN.
  func maxima(_ layout: ReductionLayout) -> [Double] {
    fold(layout, initial: -.infinity) { $1 > $0 || $1.isNaN ? $1 : $0 }
  }

  /// Folds the elements of each slot of `layout` into one number.
  func fold(
    _ layout: ReductionLayout, initial: Double, _ combine: (Double, Double) -> Double
  ) -> [Double] {
    let unused = [Double](repeating: 0, count: layout.slotCount)
    return fold(layout, initial: initial, centres: unused) { total, x, _ in combine(total, x) }
  }

  /// Folds the elements of each slot of `layout` into one number, also passing
  /// `combine` the slot's entry of `centres` (such as its mean).
  ///
  /// Walks the tensor in storage order: for each outer block, each position along
  /// the axis adds a contiguous row of `inner` elements into the block's row of
  /// accumulators, so no per-element index arithmetic is needed.
  func fold(
    _ layout: ReductionLayout, initial: Double, centres: [Double],
    _ combine: (Double, Double, Double) -> Double
  ) -> [Double] {
    precondition(centres.count == layout.slotCount, "one centre per slot expected")
    var result = [Double](repeating: initial, count: layout.slotCount)
    let (size, inner) = (layout.size, layout.inner)
    scalars.withUnsafeBufferPointer { source in
      centres.withUnsafeBufferPointer { centre in
        result.withUnsafeMutableBufferPointer { target in
          var offset = 0
          for block in 0..<layout.outer {
            let row = block * inner
            for _ in 0..<size {
              for index in 0..<inner {
                let slot = row + index
                target[slot] = combine(target[slot], source[offset + index], centre[slot])
              }
              offset += inner
            }
          }
        }
      }
    }
    return result
  }

  /// Replaces every element by `transform(element, centre of its slot)`.
  func mapSlots(
    _ layout: ReductionLayout, centres: [Double], _ transform: (Double, Double) -> Double
  ) -> [Double] {
    precondition(centres.count == layout.slotCount, "one centre per slot expected")
    let (size, inner) = (layout.size, layout.inner)
    return [Double](unsafeUninitializedCapacity: count) { target, initialised in
      scalars.withUnsafeBufferPointer { source in
        centres.withUnsafeBufferPointer { centre in
          var offset = 0
          for block in 0..<layout.outer {
            let row = block * inner
            for _ in 0..<size {
              for index in 0..<inner {
                target[offset + index] = transform(source[offset + index], centre[row + index])
              }
              offset += inner
            }
          }
        }
      }
      initialised = count
    }
  }

  /// The first position along the axis of each slot whose element `beats` all others.
  ///
  /// A NaN beats every number and is beaten by nothing, as in NumPy's argmax and argmin.
  func positions(
    _ layout: ReductionLayout, _ beats: (Double, Double) -> Bool
  ) -> [Double] {
    let (size, inner) = (layout.size, layout.inner)
    var best = [Double](repeating: 0, count: layout.slotCount)
    var found = [Double](repeating: 0, count: layout.slotCount)
    scalars.withUnsafeBufferPointer { source in
      best.withUnsafeMutableBufferPointer { best in
        found.withUnsafeMutableBufferPointer { found in
          var offset = 0
          for block in 0..<layout.outer {
            let row = block * inner
            for index in 0..<inner { best[row + index] = source[offset + index] }
            for position in 1..<size {
              offset += inner
              for index in 0..<inner {
                let (candidate, current) = (source[offset + index], best[row + index])
                guard !current.isNaN, beats(candidate, current) || candidate.isNaN else {
                  continue
                }
                best[row + index] = candidate
                found[row + index] = Double(position)
              }
            }
            offset += inner
          }
        }
      }
    }
    return found
  }
}

/// How a reduction splits a tensor: `outer` blocks, each holding `size` rows (the
/// positions along the reduced axis) of `inner` contiguous elements.
///
/// Each of the `outer * inner` slots collects the `size` elements that reduce to one
/// result element; they lie `inner` apart in storage. Reducing over all elements is
/// one block of `count` rows of one element.
struct ReductionLayout {
  let outer: Int
  let size: Int
  let inner: Int
  /// The result's shape, with or without the reduced axis kept as size 1.
  let resultShape: [Int]

  /// The number of result elements.
  var slotCount: Int { outer * inner }

  /// Resolves `axis` for `shape`.
  ///
  /// - Parameter needsElements: whether the reduction has no value over nothing, so
  ///   that an empty reduced axis is an error.
  /// - Throws: `TensorError.axisOutOfRange`, or `TensorError.emptyReduction`.
  init(
    shape: [Int], axis: Int?, keepDims: Bool, operation: String, needsElements: Bool = false
  ) throws {
    if let axis {
      let axis = try Tensor.normalize(axis: axis, rank: shape.count, operation: operation)
      outer = shape[..<axis].reduce(1, *)
      size = shape[axis]
      inner = shape[(axis + 1)...].reduce(1, *)
      var kept = shape
      if keepDims { kept[axis] = 1 } else { kept.remove(at: axis) }
      resultShape = kept
    } else {
      outer = 1
      size = shape.reduce(1, *)
      inner = 1
      resultShape = keepDims ? Array(repeating: 1, count: shape.count) : []
    }
    // As in NumPy, an empty reduced axis is an error even when the result is empty.
    guard size > 0 || !needsElements else {
      throw TensorError.emptyReduction(operation: operation)
    }
  }

  /// Checks a variance correction against the number of elements per slot.
  func checkCorrection(_ correction: Int, operation: String) throws {
    guard correction >= 0 else {
      throw TensorError.invalidArgument(
        operation: operation, message: "correction must be >= 0, but it is \(correction)")
    }
    guard correction < size else {
      throw TensorError.invalidArgument(
        operation: operation,
        message: "correction \(correction) needs more than \(correction) "
          + "element\(correction == 1 ? "" : "s") along the reduced axis, but it has \(size)")
    }
  }

  /// The result tensor holding one value per slot.
  func result(_ values: [Double]) -> Tensor {
    Tensor(unchecked: resultShape, scalars: values)
  }
}
