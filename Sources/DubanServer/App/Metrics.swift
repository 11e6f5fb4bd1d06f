import Metrics
import Prometheus
import Vapor

/// Prometheus metrics: one registry per process (the metrics system can be bootstrapped only once).
enum DubanMetrics {
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrap: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }()

    static func start() { _ = bootstrap }

    static func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// Counts requests and their duration by route pattern, method and status.
struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let path = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let dimensions = [("method", request.method.rawValue), ("path", path), ("status", String(response.status.code))]
        Counter(label: "http_requests_total", dimensions: dimensions).increment()
        let elapsed = ContinuousClock.now - start
        Timer(label: "http_request_duration_seconds", dimensions: [("method", request.method.rawValue), ("path", path)],
              preferredDisplayUnit: .seconds).recordNanoseconds(elapsed.components.seconds * 1_000_000_000
                                                                + elapsed.components.attoseconds / 1_000_000_000)
        return response
    }
}
