import ArgumentParser
import Foundation
import Federation
import Server

/// `labnetz serve`: serves the published files over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve publishDir over HTTP with ETag/304, Last-Modified and /healthz.")

    @OptionGroup var options: ConfigOption

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (default: the port of hub.baseURL, else 8080).")
    var port: Int?

    func run() async throws {
        let config = try options.load()
        let port = port ?? URLComponents(string: config.hub.baseURL)?.port ?? 8080
        print("Serving \(config.hub.publishDir) on http://\(host):\(port)/ (Ctrl-C stops)")
        try await HubServer.run(publishDir: config.hub.publishDir, host: host, port: port)
    }
}
