#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How much stack the current thread has left, so that deep recursion can stop
/// with an error before it overflows.
///
/// Debug builds give every temporary its own stack slot, so one level of
/// nested brackets can take several kilobytes; on a thread with a small stack
/// a fixed depth limit alone does not prevent a crash.
enum StackSpace {
  /// The lowest address of the current thread's stack, or nil where the
  /// platform does not say.
  static func currentThreadFloor() -> UInt? {
    #if canImport(Glibc)
      // pthread_getattr_np is a GNU extension that the Glibc module does not
      // import, so it is looked up at run time.
      typealias GetAttributes =
        @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
      guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
      defer { dlclose(handle) }
      guard let symbol = dlsym(handle, "pthread_getattr_np") else { return nil }
      let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
      var attributes = pthread_attr_t()
      guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
      defer { pthread_attr_destroy(&attributes) }
      var address: UnsafeMutableRawPointer?
      var size = 0
      guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else {
        return nil
      }
      return UInt(bitPattern: address)
    #elseif canImport(Darwin)
      let thread = pthread_self()
      let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
      return top - UInt(pthread_get_stacksize_np(thread))
    #else
      return nil
    #endif
  }

  /// The address of a local variable of the caller's frame, which is close to
  /// the top of the stack.
  @inline(never)
  static func currentAddress() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }
}
