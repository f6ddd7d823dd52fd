import Foundation
import Hummingbird

/// Serves publishDir read-only: strong ETags, Last-Modified, 304s, and `/healthz`.
public enum HubServer {
    /// The routes, separate from the listener so tests can drive them with `app.test(.router)`.
    public static func router(publishDir: String) -> Router<BasicRequestContext> {
        let router = Router()
        let files = PublishedFileCache(folder: publishDir)
        router.get("healthz") { _, _ -> Response in
            let ready = files.file("index.html") != nil
            let body =
                ready
                ? #"{"status":"ok"}"# : #"{"status":"starting","reason":"nothing published yet: run labnetz sync"}"#
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: body + "\n")))
        }
        router.get("/") { request, _ in serve("index.html", request: request, files: files) }
        router.head("/") { request, _ in serve("index.html", request: request, files: files, head: true) }
        router.get("{name}") { request, context in
            serve(context.parameters.get("name") ?? "", request: request, files: files)
        }
        router.head("{name}") { request, context in
            serve(context.parameters.get("name") ?? "", request: request, files: files, head: true)
        }
        return router
    }

    /// A listening application on `host:port`.
    public static func application(publishDir: String, host: String, port: Int) -> some ApplicationProtocol {
        Application(
            router: router(publishDir: publishDir),
            configuration: .init(address: .hostname(host, port: port), serverName: "labnetz"))
    }

    /// Listens until the process is told to stop (SIGINT/SIGTERM end it gracefully).
    public static func run(publishDir: String, host: String, port: Int) async throws {
        try await application(publishDir: publishDir, host: host, port: port).runService()
    }

    static func serve(_ name: String, request: Request, files: PublishedFileCache, head: Bool = false) -> Response {
        guard let file = files.file(name) else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "Nicht gefunden: \(name.prefix(80))\n")))
        }
        var headers: HTTPFields = [
            .eTag: file.etag,
            .lastModified: HTTPDate.format(file.lastModified),
            .cacheControl: "public, max-age=300",
        ]
        if file.isNotModified(
            ifNoneMatch: request.headers[values: .ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince])
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = file.contentType
        headers[.contentLength] = String(file.body.count)
        if name.hasSuffix(".html") {
            // The agenda is static text: no script may run there, whatever a source sends.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:"
            headers[.init("X-Content-Type-Options")!] = "nosniff"
        }
        let body = head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: file.body))
        return Response(status: .ok, headers: headers, body: body)
    }
}
