import SomaAutodiff
import SomaPlot
import SomaTensor

extension Builtins {
  /// Text plots, written to the session's output like `print`.
  static func plots() -> [FunctionValue] {
    [
      define(
        "plot", [required("series")] + plotParameters, variadic: "series",
        "a line plot of y, of y against x, or of several series: plot(x, [y1, y2]) or "
          + "plot(x1, y1, x2, y2)",
        example: "x = linspace(-3, 3, 61); plot(x, [relu(x), sigmoid(x)], labels=(\"relu\", "
          + "\"sigmoid\"))"
      ) { arguments, runtime in
        let series = try lineSeries(arguments[0])
        return try draw(runtime) {
          try linePlot(series: series, options: plotOptions(arguments, runtime))
        }
      },
      define(
        "scatter", [required("x"), required("y"), optional("classes", .nothing)] + plotParameters,
        "points at (x, y), drawn with one marker per class when classes are given",
        example: "scatter([1, 2, 3], [2, 1, 3], classes=[0, 1, 1])"
      ) { arguments, runtime in
        let x = try arguments[0].doubles("scatter", "x")
        let y = try arguments[1].doubles("scatter", "y")
        let classes = try optionalClasses(arguments[2], "scatter")
        return try draw(runtime) {
          try scatterPlot(
            x: x, y: y, classes: classes, options: plotOptions(arguments, runtime))
        }
      },
      define(
        "hist", [required("values"), optional("bins", .number(10))] + plotParameters,
        "a histogram: how many values fall in each of bins equal intervals",
        example: "seed(0); hist(normal(1000), bins=15)"
      ) { arguments, runtime in
        let values = try arguments[0].doubles("hist", "values")
        let bins = try arguments[1].integer("hist", "bins")
        return try draw(runtime) {
          try histogram(
            values: values, bins: bins, options: plotOptions(arguments, runtime))
        }
      },
      define(
        "bar", [required("labels"), required("values")] + plotParameters,
        "a bar chart with one labelled bar per value",
        example: "bar((\"sgd\", \"adam\"), [0.31, 0.12])"
      ) { arguments, runtime in
        let labels = try arguments[0].labels("bar")
        let values = try arguments[1].doubles("bar", "values")
        return try draw(runtime) {
          try barChart(
            labels: labels, values: values,
            options: plotOptions(arguments, runtime))
        }
      },
      define(
        "heatmap", [required("matrix")] + plotParameters,
        "a matrix drawn as shades, with a legend of what each shade means",
        example: "heatmap([[0, 1], [2, 3]])"
      ) { arguments, runtime in
        let matrix = try arguments[0].tensor("heatmap", "matrix").value
        return try draw(runtime) {
          try heatmap(matrix: matrix, options: plotOptions(arguments, runtime))
        }
      },
      define(
        "contour",
        [
          required("f"), required("xrange"), required("yrange"), optional("levels", .number(10)),
          optional("paths", .nothing),
        ] + plotParameters,
        "contour lines of f(x, y) over a rectangle, with optional paths (k×2 tensors) on top",
        example: "contour((x, y) -> x^2 + 4 * y^2, (-2, 2), (-2, 2))"
      ) { arguments, runtime in
        try drawContour(arguments, runtime)
      },
      define(
        "boundary", [required("f"), required("X"), required("y")] + plotParameters,
        "the decision regions of a classifier f over the points X (n×2) with labels y; f maps "
          + "a matrix of points to one score per point (class 1 above 0.5) or one row of "
          + "scores per point",
        example: "boundary(X -> X[:, 0] > 0, [[-1, 0], [1, 0]], [0, 1])"
      ) { arguments, runtime in
        try drawBoundary(arguments, runtime)
      },
      define(
        "plot_settings",
        [optional("width", .nothing), optional("height", .nothing), optional("charset", .nothing)],
        "changes the size and the characters (\"ascii\" or \"unicode\") of later plots",
        example: "plot_settings(width=100, charset=\"unicode\")"
      ) { arguments, runtime in
        var defaults = runtime.plotDefaults
        if let width = try arguments[0].optionalInteger("plot_settings", "width") {
          defaults.width = width
        }
        if let height = try arguments[1].optionalInteger("plot_settings", "height") {
          defaults.height = height
        }
        if case .string = arguments[2] { defaults.charset = try charset(arguments[2]) }
        runtime.plotDefaults = defaults
        return .nothing
      },
    ]
  }

  /// The options every plot takes, after its own parameters.
  private static var plotParameters: [Signature.Parameter] {
    [
      optional("labels", .nothing), optional("title", .nothing), optional("xlabel", .nothing),
      optional("ylabel", .nothing), optional("width", .nothing), optional("height", .nothing),
      optional("xlim", .nothing), optional("ylim", .nothing), optional("logx", .boolean(false)),
      optional("logy", .boolean(false)), optional("charset", .nothing),
    ]
  }

  /// Reads the common options from the last `plotParameters.count` arguments.
  private static func plotOptions(_ arguments: [Value], _ runtime: Runtime) throws -> PlotOptions {
    let values = Array(arguments.suffix(plotParameters.count))
    var options = runtime.plotDefaults
    if case .nothing = values[0] {} else { options.labels = try values[0].labels("plot") }
    options.title = try values[1].optionalString("title")
    options.xlabel = try values[2].optionalString("xlabel")
    options.ylabel = try values[3].optionalString("ylabel")
    if let width = try values[4].optionalInteger("plot", "width") { options.width = width }
    if let height = try values[5].optionalInteger("plot", "height") { options.height = height }
    options.xlim = try limits(values[6], "xlim")
    options.ylim = try limits(values[7], "ylim")
    options.logx = try values[8].boolean("plot", "logx")
    options.logy = try values[9].boolean("plot", "logy")
    if case .string = values[10] { options.charset = try charset(values[10]) }
    return options
  }

  /// Writes a drawn plot to the session's output.
  private static func draw(_ runtime: Runtime, _ make: () throws -> String) throws -> Value {
    do {
      var text = try make()
      while text.hasSuffix("\n") { text.removeLast() }
      runtime.write(text + "\n")
    } catch let error as PlotError {
      throw RuntimeError.plot(description: error.description)
    }
    return .nothing
  }

  private static func charset(_ value: Value) throws -> PlotOptions.Charset {
    switch value {
    case .string("ascii"): return .ascii
    case .string("unicode"): return .unicode
    default:
      throw RuntimeError.invalidArgument(
        function: "plot", message: "charset must be \"ascii\" or \"unicode\"")
    }
  }

  private static func limits(_ value: Value, _ name: String) throws -> AxisLimits? {
    if case .nothing = value { return nil }
    let bounds = try value.doubles("plot", name)
    guard bounds.count == 2 else {
      throw RuntimeError.invalidArgument(
        function: "plot", message: "\(name) needs two numbers, (low, high)")
    }
    return AxisLimits(bounds[0], bounds[1])
  }

  private static func optionalClasses(_ value: Value, _ function: String) throws -> [Int]? {
    if case .nothing = value { return nil }
    return try value.doubles(function, "classes").map {
      try Value.number($0).integer(function, "classes")
    }
  }

  /// The series of `plot`'s positional arguments: y; x and y (y may hold several series
  /// as the rows of a matrix or the items of a tuple); or pairs x1, y1, x2, y2, ...
  private static func lineSeries(_ argument: Value) throws -> [Series] {
    guard case .tuple(let values) = argument, !values.isEmpty else {
      throw RuntimeError.missingArgument(function: "plot", parameter: "y")
    }
    switch values.count {
    case 1:
      return try ys(values[0]).map { Series(y: $0) }
    case 2:
      let x = try values[0].doubles("plot", "x")
      return try ys(values[1]).map { Series(x: x, y: $0) }
    default:
      guard values.count.isMultiple(of: 2) else {
        throw RuntimeError.invalidArgument(
          function: "plot", message: "give y, or x and y, or pairs x1, y1, x2, y2, ...")
      }
      return try stride(from: 0, to: values.count, by: 2).map { index in
        Series(
          x: try values[index].doubles("plot", "x"), y: try values[index + 1].doubles("plot", "y"))
      }
    }
  }

  /// One or several y series: a vector, the rows of a matrix, or the items of a tuple.
  private static func ys(_ value: Value) throws -> [[Double]] {
    if case .tuple(let items) = value { return try items.map { try $0.doubles("plot", "y") } }
    let tensor = try value.tensor("plot", "y").value
    guard tensor.rank == 2 else { return [tensor.scalars] }
    let columns = tensor.shape[1]
    return (0..<tensor.shape[0]).map { Array(tensor.scalars[$0 * columns..<($0 + 1) * columns]) }
  }

  /// Samples f(x, y) on a grid and draws its contour lines.
  private static func drawContour(_ arguments: [Value], _ runtime: Runtime) throws -> Value {
    let function = try arguments[0].function("contour", "f")
    let xRange = try arguments[1].doubles("contour", "xrange")
    let yRange = try arguments[2].doubles("contour", "yrange")
    guard xRange.count == 2, yRange.count == 2 else {
      throw RuntimeError.invalidArgument(
        function: "contour", message: "xrange and yrange need two numbers each, (low, high)")
    }
    let levels = try arguments[3].integer("contour", "levels")
    let paths = try contourPaths(arguments[4])
    let options = try plotOptions(arguments, runtime)
    let xs = grid(from: xRange[0], to: xRange[1], count: options.width)
    let ys = grid(from: yRange[0], to: yRange[1], count: options.height * 2)
    let values = try ys.map { y in
      try xs.map { x in
        try function.call([.number(x), .number(y)], context: runtime).number("contour", "f(x, y)")
      }
    }
    return try draw(runtime) {
      try contourPlot(grid: values, xs: xs, ys: ys, levels: levels, paths: paths, options: options)
    }
  }

  /// The paths of `contour`: one k×2 tensor of points, several stacked (n×k×2), or a
  /// tuple of them when their lengths differ.
  private static func contourPaths(_ value: Value) throws -> [[(x: Double, y: Double)]] {
    switch value {
    case .nothing:
      return []
    case .tuple(let items):
      return try items.flatMap(contourPaths)
    default:
      let points = try value.tensor("contour", "paths").value
      guard points.rank == 2 || points.rank == 3, points.shape.last == 2 else {
        throw RuntimeError.invalidArgument(
          function: "contour", message: "each path must be a k×2 tensor of points")
      }
      let length = points.shape[points.rank - 2]
      let count = points.rank == 3 ? points.shape[0] : 1
      return (0..<count).map { path in
        (0..<length).map { point in
          let offset = 2 * (path * length + point)
          return (points.scalars[offset], points.scalars[offset + 1])
        }
      }
    }
  }

  /// Classifies a grid covering the points X (with a 10% margin) and draws the regions.
  private static func drawBoundary(_ arguments: [Value], _ runtime: Runtime) throws -> Value {
    let function = try arguments[0].function("boundary", "f")
    let points = try arguments[1].tensor("boundary", "X").value
    guard points.rank == 2, points.shape[1] == 2, points.shape[0] > 0 else {
      throw RuntimeError.invalidArgument(
        function: "boundary", message: "X must be an n×2 tensor of points")
    }
    let labels = try arguments[2].doubles("boundary", "y").map {
      try Value.number($0).integer("boundary", "y")
    }
    let options = try plotOptions(arguments, runtime)
    let first = stride(from: 0, to: points.count, by: 2).map { points.scalars[$0] }
    let second = stride(from: 1, to: points.count, by: 2).map { points.scalars[$0] }
    let xs = grid(around: first, count: options.width)
    let ys = grid(around: second, count: options.height * 2)
    let gridPoints = ys.flatMap { y in xs.flatMap { x in [x, y] } }
    let input = Value.tensor(
      TrackedTensor(try Tensor(shape: [xs.count * ys.count, 2], scalars: gridPoints)))
    let scores = try function.call([input], context: runtime).tensor("boundary", "f(X)").value
    let classes: [Int]
    if scores.rank == 2 {
      classes = try scores.argmax(axis: 1).scalars.map { Int($0) }
    } else if scores.count == xs.count * ys.count {
      classes = scores.scalars.map { $0 > 0.5 ? 1 : 0 }
    } else {
      throw RuntimeError.invalidArgument(
        function: "boundary",
        message: "f must give one score or one row of scores per point, but gave shape "
          + formatShape(scores.shape))
    }
    let regions = (0..<ys.count).map { Array(classes[$0 * xs.count..<($0 + 1) * xs.count]) }
    return try draw(runtime) {
      try decisionBoundary(
        regions: regions, xs: xs, ys: ys, x: first, y: second, classes: labels, options: options)
    }
  }

  /// `count` evenly spaced numbers from `low` to `high`.
  private static func grid(from low: Double, to high: Double, count: Int) -> [Double] {
    let steps = Swift.max(count - 1, 1)
    return (0...steps).map { low + (high - low) * Double($0) / Double(steps) }
  }

  /// A grid covering `values` with a 10% margin on each side.
  private static func grid(around values: [Double], count: Int) -> [Double] {
    let low = values.min() ?? 0
    let high = values.max() ?? 1
    let margin = Swift.max((high - low) * 0.1, 0.5)
    return grid(from: low - margin, to: high + margin, count: count)
  }
}

extension Value {
  /// The numbers of a tensor (any shape, row by row), a number, or a tuple of numbers.
  func doubles(_ function: String, _ parameter: String) throws -> [Double] {
    if case .tuple(let items) = self { return try items.map { try $0.number(function, parameter) } }
    return try tensor(function, parameter).value.scalars
  }

  /// A string, or `nil` when left as `none`.
  func optionalString(_ parameter: String) throws -> String? {
    switch self {
    case .nothing: return nil
    case .string(let text): return text
    default:
      throw RuntimeError.wrongType(
        context: "plot()'s argument '\(parameter)'", expected: "a string", got: typeName)
    }
  }

  /// Labels: a tuple of strings (or numbers), or a tensor of numbers.
  func labels(_ function: String) throws -> [String] {
    switch self {
    case .tuple(let items):
      return items.map { item in
        if case .string(let text) = item { return text }
        return ValueFormatter.plain.printed(item)
      }
    case .string(let text):
      return [text]
    default:
      return try doubles(function, "labels").map { formatNumber($0) }
    }
  }
}
