import Testing

@testable import Pipeline

/// Fetching may run ahead of parsing only as far as the byte budget allows.
@Suite("fetch-ahead budget")
struct FetchAheadBudgetTests {
    /// Polls until `condition` holds, for at most ~2 s, so a waiting task has surely reached the actor.
    static func eventually(_ condition: () async -> Bool) async -> Bool {
        for _ in 0..<2000 {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return false
    }

    @Test("a source waits while the budget is full and is admitted when a body is released")
    func waitsUntilRelease() async {
        let budget = FetchAheadBudget(limit: 100, estimate: 40)
        let first = await budget.admit()
        let second = await budget.admit()
        #expect(await budget.heldBytes == 80)
        let third = Task { await budget.admit() }
        #expect(await Self.eventually { await budget.waitingCount == 1 })
        // The first body turned out big: still no room.
        let big = await budget.resize(first, to: 70)
        #expect(await budget.waitingCount == 1)
        await budget.release(big)
        let admitted = await third.value
        #expect(admitted.bytes == 40)
        #expect(await budget.waitingCount == 0)
        #expect(await budget.heldBytes == 80)
        await budget.release(await budget.resize(second, to: 0))
        await budget.release(admitted)
        #expect(await budget.heldBytes == 0)
    }

    @Test("a 304 or a failure gives its guess back at once")
    func emptyBodyFreesRoom() async {
        let budget = FetchAheadBudget(limit: 50, estimate: 50)
        let first = await budget.admit()
        let waiting = Task { await budget.admit() }
        #expect(await Self.eventually { await budget.waitingCount == 1 })
        let unchanged = await budget.resize(first, to: 0)
        _ = await waiting.value
        #expect(await budget.heldBytes == 50)
        await budget.release(unchanged)
        #expect(await budget.heldBytes == 50)
    }

    @Test("a body bigger than the whole budget still gets through alone")
    func oversizedBodyNeverStalls() async {
        let budget = FetchAheadBudget(limit: 10, estimate: 64)
        let only = await budget.admit()
        #expect(await budget.heldBytes == 64)
        await budget.release(await budget.resize(only, to: 1_000))
        #expect(await budget.heldBytes == 0)
        let next = await budget.admit()
        #expect(next.bytes == 64)
    }

    @Test("admission is first come, first served")
    func fifo() async {
        let budget = FetchAheadBudget(limit: 10, estimate: 10)
        let first = await budget.admit()
        let a = Task { await budget.admit() }
        #expect(await Self.eventually { await budget.waitingCount == 1 })
        let b = Task { await budget.admit() }
        #expect(await Self.eventually { await budget.waitingCount == 2 })
        await budget.release(first)
        let fromA = await a.value
        #expect(await budget.waitingCount == 1)
        await budget.release(fromA)
        _ = await b.value
        #expect(await budget.waitingCount == 0)
    }
}
