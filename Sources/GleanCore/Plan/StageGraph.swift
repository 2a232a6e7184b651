/// Ordering and reachability over a manifest's stages.
public enum StageGraph {
    /// Stage ids in an order where every stage comes after the stages it needs; ties keep
    /// manifest order. Assumes no cycle (the loader rejects cycles).
    public static func topologicalOrder(_ stages: [StageDecl]) -> [String] {
        var placed: Set<String> = []
        var order: [String] = []
        var remaining = stages
        while !remaining.isEmpty {
            guard let i = remaining.firstIndex(where: { $0.needs.allSatisfy(placed.contains) }) else { break }
            let stage = remaining.remove(at: i)
            placed.insert(stage.id)
            order.append(stage.id)
        }
        return order
    }

    /// A cycle among the stages, as the ids along it, or nil.
    public static func findCycle(_ stages: [StageDecl]) -> [String]? {
        let needs = Dictionary(stages.map { ($0.id, $0.needs) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var path: [String] = []
        func visit(_ id: String) -> [String]? {
            if state[id] == 2 { return nil }
            if state[id] == 1 {
                guard let start = path.firstIndex(of: id) else { return [id] }
                return Array(path[start...])
            }
            state[id] = 1
            path.append(id)
            for need in needs[id] ?? [] where needs[need] != nil {
                if let cycle = visit(need) { return cycle }
            }
            path.removeLast()
            state[id] = 2
            return nil
        }
        for stage in stages {
            if let cycle = visit(stage.id) { return cycle }
        }
        return nil
    }

    /// Every stage reachable downstream of `id`, `id` included.
    public static func descendants(of id: String, in stages: [StageDecl]) -> Set<String> {
        var result: Set<String> = [id]
        var changed = true
        while changed {
            changed = false
            for stage in stages where !result.contains(stage.id) && stage.needs.contains(where: result.contains) {
                result.insert(stage.id)
                changed = true
            }
        }
        return result
    }

    /// Every stage upstream of `id`, `id` included.
    public static func ancestors(of id: String, in stages: [StageDecl]) -> Set<String> {
        let needs = Dictionary(stages.map { ($0.id, $0.needs) }, uniquingKeysWith: { a, _ in a })
        var result: Set<String> = []
        var stack = [id]
        while let next = stack.popLast() {
            guard result.insert(next).inserted else { continue }
            stack += needs[next] ?? []
        }
        return result
    }
}
