import FeedModel
import Federation
import Fetching
import Foundation
import Storage

/// Bytes of one source, read from a local file or fetched over HTTP with conditional GET.
struct SourceLoader: Sendable {
    /// What loading gave: a body to parse, "nothing new", or a failure in plain words.
    enum Outcome: Sendable {
        case body(Data, LoadedMeta)
        case unchanged(LoadedMeta)
        case failed(String, httpStatus: Int?)
    }

    /// Validators and HTTP facts that travel with the body into the store.
    struct LoadedMeta: Sendable {
        var httpStatus: Int?
        var validators: SourceValidators
        var baseURL: String?
        var contentType: String?
        var movedTo: String?
    }

    var fetcher: CurlFetcher
    var userAgent: String
    var maxBytes: Int

    func load(_ source: SourceSettings, previous: SourceRecord?, force: Bool) async -> Outcome {
        switch source.location {
        case .file(let path):
            return loadFile(path, shownAs: source.url, previous: previous, force: force)
        case .http(let url):
            let request = FetchRequest(
                url: url, etag: force ? nil : previous?.etag, lastModified: force ? nil : previous?.lastModified,
                userAgent: userAgent, maxBytes: maxBytes)
            switch await fetcher.fetch(request) {
            case .failed(let error):
                return .failed(error.message, httpStatus: error.kind.httpStatus)
            case .notModified(let response):
                return .unchanged(meta(response, hash: previous?.contentHash))
            case .fetched(let response):
                let data = Data(response.body)
                let hash = SHA256.hex(data)
                let meta = meta(response, hash: hash)
                return outcome(data, hash: hash, meta: meta, previous: previous, force: force)
            }
        }
    }

    /// The same bytes as the last good read need no parsing; after a failure they are read again.
    private func outcome(_ data: Data, hash: String, meta: LoadedMeta, previous: SourceRecord?, force: Bool) -> Outcome
    {
        if !force, hash == previous?.contentHash, previous?.state != .failed { return .unchanged(meta) }
        return .body(data, meta)
    }

    private func meta(_ response: FetchResponse, hash: String?) -> LoadedMeta {
        LoadedMeta(
            httpStatus: response.httpStatus,
            validators: SourceValidators(etag: response.etag, lastModified: response.lastModified, contentHash: hash),
            baseURL: response.contentLocation.flatMap { URL(string: $0, relativeTo: URL(string: response.finalURL)) }?
                .absoluteString ?? response.finalURL,
            contentType: response.contentType, movedTo: response.permanentRedirect)
    }

    private func loadFile(_ path: String, shownAs name: String, previous: SourceRecord?, force: Bool) -> Outcome {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failed("file not found: \(name)", httpStatus: nil)
        }
        if let size = attributes[.size] as? Int, size > maxBytes {
            return .failed("file too large: \(name) has \(size) bytes, the limit is \(maxBytes)", httpStatus: nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed("cannot read file: \(name)", httpStatus: nil)
        }
        let hash = SHA256.hex(data)
        let meta = LoadedMeta(validators: SourceValidators(contentHash: hash))
        return outcome(data, hash: hash, meta: meta, previous: previous, force: force)
    }
}
