import Hummingbird

/// The request context: Hummingbird's, plus the client's address for the log.
struct ServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address, or `-`.
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}
