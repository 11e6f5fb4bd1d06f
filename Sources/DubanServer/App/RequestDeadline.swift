import NIOConcurrencyHelpers
import Vapor

/// Answers 503 `request_timeout` when a request has not been answered within
/// `DubanSettings.requestTimeout` (issue #11: during a database outage the server "never hangs past a
/// bounded time"). A connection to PostgreSQL cut in the middle of a query can leave the driver waiting
/// with no error; the client gets its answer anyway. The handler is not cancelled — a write that
/// finishes later is kept (the client retries with its Idempotency-Key) — so nothing acknowledged is
/// lost. Requests whose declared body exceeds `maxBodySize` (attachment uploads) are exempt: on a slow
/// link the upload alone may need longer.
struct RequestDeadlineMiddleware: AsyncMiddleware {
    let seconds: TimeInterval
    let exemptAboveBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > exemptAboveBytes {
            return try await next.respond(to: request)
        }
        let once = NIOLockedValueBox<CheckedContinuation<Response, any Error>?>(nil)
        let nanoseconds = UInt64(seconds * 1_000_000_000)
        let path = request.url.path
        let logger = request.logger
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Response, any Error>) in
            once.withLockedValue { $0 = continuation }
            func finish(_ result: Result<Response, any Error>) {
                let waiting = once.withLockedValue { value -> CheckedContinuation<Response, any Error>? in
                    defer { value = nil }
                    return value
                }
                waiting?.resume(with: result)
            }
            let timer = Task {
                do { try await Task.sleep(nanoseconds: nanoseconds) } catch { return }
                logger.warning("request unanswered after \(Int(seconds)) s: \(path)")
                var failure = DubanError(.serviceUnavailable, code: "request_timeout",
                                         message: "服务暂时无法完成请求，请稍后重试 / the request could not be completed in time, retry later")
                failure.retryAfter = 5
                finish(.failure(failure))
            }
            Task {
                let result: Result<Response, any Error>
                do { result = .success(try await next.respond(to: request)) } catch { result = .failure(error) }
                timer.cancel()
                finish(result)
            }
        }
    }
}
