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
        case failed(LoadFailure)
    }

    /// Validators and HTTP facts that travel with the body into the store.
    struct LoadedMeta: Sendable {
        var httpStatus: Int?
        var validators: SourceValidators
        var baseURL: String?
        var contentType: String?
        var movedTo: String?
        /// Seconds the server says the content stays fresh (max-age, Expires, RSS ttl).
        var freshFor: TimeInterval?
        /// Counts the body against the fetch backlog until this meta (and so the body's load) is done.
        var lease: BodyLease?
    }

    /// A fetch or read that gave nothing usable.
    struct LoadFailure: Sendable {
        var message: String
        var httpStatus: Int?
        /// Seconds the server asked us to wait (Retry-After on 429/503).
        var retryAfter: TimeInterval?
        /// The feed is gone (404/410, or a missing file) rather than temporarily failing.
        var isGone = false
        var movedTo: String?
    }

    var fetcher: CurlFetcher
    var userAgent: String
    var policy: SyncPolicy

    /// `started` is called when a URL's transfer leaves the fetcher's queue, `ended` when it is over
    /// (for a file, neither: reading it is immediate).
    func load(
        _ source: SourceSettings, previous: SourceRecord?, force: Bool, now: Date,
        started: @escaping @Sendable () -> Void = {}, ended: @escaping @Sendable () -> Void = {}
    ) async -> Outcome {
        switch source.location {
        case .file(let path):
            return loadFile(path, shownAs: source.url, previous: previous, force: force)
        case .http(let url):
            let request = policy.request(
                url: url, etag: force ? nil : previous?.etag, lastModified: force ? nil : previous?.lastModified,
                userAgent: userAgent)
            switch await fetcher.fetch(request, started: started, ended: ended) {
            case .failed(let error):
                let status = error.kind.httpStatus
                return .failed(
                    LoadFailure(
                        message: error.message, httpStatus: status,
                        retryAfter: error.retryAfter.flatMap { FreshnessHints.retryAfter($0, now: now) },
                        isGone: status == 404 || status == 410))
            case .notModified(let response):
                var meta = meta(response, hash: previous?.contentHash)
                meta.freshFor = FreshnessHints.freshFor(response, body: nil, now: now)
                return .unchanged(meta)
            case .fetched(let response):
                let data = Data(response.body)
                let hash = ContentFingerprint.hash(data)
                var meta = meta(response, hash: hash)
                meta.freshFor = FreshnessHints.freshFor(response, body: data, now: now)
                return outcome(data, hash: hash, meta: meta, previous: previous, force: force)
            }
        }
    }

    /// The same content as the last good read needs no parsing; after a failure or a hold it is read again.
    private func outcome(_ data: Data, hash: String, meta: LoadedMeta, previous: SourceRecord?, force: Bool) -> Outcome
    {
        if !force, hash == previous?.contentHash, let state = previous?.state, state == .ok || state == .unchanged {
            return .unchanged(meta)
        }
        return .body(data, meta)
    }

    private func meta(_ response: FetchResponse, hash: String?) -> LoadedMeta {
        LoadedMeta(
            httpStatus: response.httpStatus,
            validators: SourceValidators(etag: response.etag, lastModified: response.lastModified, contentHash: hash),
            baseURL: response.contentLocation.flatMap { URL(string: $0, relativeTo: URL(string: response.finalURL)) }?
                .absoluteString ?? response.finalURL,
            contentType: response.contentType, movedTo: response.permanentRedirect, lease: response.lease)
    }

    private func loadFile(_ path: String, shownAs name: String, previous: SourceRecord?, force: Bool) -> Outcome {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failed(LoadFailure(message: "file not found: \(name)", isGone: true))
        }
        if let size = attributes[.size] as? Int, size > policy.maxBytes {
            return .failed(
                LoadFailure(message: "file too large: \(name) has \(size) bytes, the limit is \(policy.maxBytes)"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed(LoadFailure(message: "cannot read file: \(name)"))
        }
        let hash = ContentFingerprint.hash(data)
        let meta = LoadedMeta(validators: SourceValidators(contentHash: hash))
        return outcome(data, hash: hash, meta: meta, previous: previous, force: force)
    }
}
