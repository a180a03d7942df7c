//! Min-cost flow by successive shortest paths with node potentials.
//!
//! Costs may be negative. [`Goal::MaxFlow`] needs a graph without negative cycles: the
//! first potentials come from Bellman-Ford, then each augmenting path is a Dijkstra
//! search on reduced costs from the source.
//!
//! [`Goal::MinCost`] needs no negative cycle among the arcs that do not leave the
//! source. It adds a free return arc sink → source and turns the task into a min-cost
//! circulation: the arcs leaving the source are taken one at a time, and while one has
//! a negative reduced cost, the cheapest cycle through it (a shortest path from its head
//! back to the source) is cancelled if negative. Every other residual arc keeps a
//! non-negative reduced cost throughout, so at the end no negative cycle is left, which is
//! optimality. Searches start at one head node and stay local, which is much faster than
//! searching from the source when the source has thousands of arcs.
//!
//! Every search stops once its target is settled; unsettled nodes then get the target's
//! distance, which keeps reduced costs non-negative (Johnson's argument).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

const INF: i64 = i64::MAX / 4;

#[derive(Debug, Clone)]
struct Arc {
    to: u32,
    cap: i64,
    cost: i64,
}

/// When to stop augmenting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// Minimum cost over all flow values (stop when no path of negative cost is left).
    MinCost,
    /// Maximum flow, and the minimum cost among maximum flows.
    MaxFlow,
}

/// Flow value and cost reached by [`MinCostFlow::run`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowResult {
    /// Units sent from source to sink.
    pub flow: i64,
    /// Total cost of those units.
    pub cost: i64,
}

/// A directed graph with capacities and integer costs.
#[derive(Debug, Clone, Default)]
pub struct MinCostFlow {
    arcs: Vec<Arc>,
    adj: Vec<Vec<u32>>,
}

/// Scratch space of the Dijkstra searches.
struct Search {
    /// Potentials, offset by `shift`.
    pot: Vec<i64>,
    shift: i64,
    dist: Vec<i64>,
    done: Vec<bool>,
    prev: Vec<u32>,
    touched: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

impl MinCostFlow {
    /// A graph with `nodes` nodes and no arcs.
    pub fn new(nodes: usize) -> Self {
        Self { arcs: Vec::new(), adj: vec![Vec::new(); nodes] }
    }

    /// Number of nodes.
    pub fn nodes(&self) -> usize {
        self.adj.len()
    }

    /// Adds an arc and returns its id, for [`MinCostFlow::flow`].
    ///
    /// # Panics
    /// If a node is out of range or `cap` is negative.
    pub fn add_edge(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        assert!(from < self.nodes() && to < self.nodes() && cap >= 0, "bad arc");
        let id = self.arcs.len();
        self.arcs.push(Arc { to: to as u32, cap, cost });
        self.arcs.push(Arc { to: from as u32, cap: 0, cost: -cost });
        self.adj[from].push(id as u32);
        self.adj[to].push(id as u32 + 1);
        id
    }

    /// Flow currently on arc `id`.
    pub fn flow(&self, id: usize) -> i64 {
        self.arcs[id ^ 1].cap
    }

    /// Sends flow from `s` to `t` until `goal` is met; see the module docs for the
    /// conditions on negative cycles. Costs times path lengths must stay far below
    /// `i64::MAX / 4`.
    ///
    /// # Panics
    /// If the graph has a negative cycle it must not have, or `s == t`.
    pub fn run(&mut self, s: usize, t: usize, goal: Goal) -> FlowResult {
        assert_ne!(s, t, "source and sink must differ");
        match goal {
            Goal::MaxFlow => self.max_flow(s, t),
            Goal::MinCost => self.min_cost(s, t),
        }
    }

    fn search(&self, pot: Vec<i64>) -> Search {
        let n = self.nodes();
        Search {
            pot,
            shift: 0,
            dist: vec![INF; n],
            done: vec![false; n],
            prev: vec![u32::MAX; n],
            touched: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }
}

impl Search {
    fn pot(&self, v: usize) -> i64 {
        self.pot[v] + self.shift
    }
}

impl MinCostFlow {
    /// Dijkstra on reduced costs from `from` until `to` is settled; returns whether it was
    /// reached, then moves every touched potential by `min(dist, cap)` where `cap` is the
    /// target's distance, or `fallback` when unreached.
    fn dijkstra(&self, w: &mut Search, from: usize, to: usize, fallback: i64) -> Option<i64> {
        for &v in &w.touched {
            w.dist[v as usize] = INF;
            w.done[v as usize] = false;
        }
        w.touched.clear();
        w.heap.clear();
        w.dist[from] = 0;
        w.touched.push(from as u32);
        w.heap.push(Reverse((0, from as u32)));
        while let Some(Reverse((d, u))) = w.heap.pop() {
            let u = u as usize;
            if w.done[u] {
                continue;
            }
            w.done[u] = true;
            if u == to {
                break;
            }
            let pu = w.pot[u];
            for &a in &self.adj[u] {
                let arc = &self.arcs[a as usize];
                let v = arc.to as usize;
                if arc.cap == 0 || w.done[v] {
                    continue;
                }
                let rc = arc.cost + pu - w.pot[v];
                debug_assert!(rc >= 0, "negative reduced cost");
                let nd = d + rc;
                if nd < w.dist[v] {
                    if w.dist[v] == INF {
                        w.touched.push(v as u32);
                    }
                    w.dist[v] = nd;
                    w.prev[v] = a;
                    w.heap.push(Reverse((nd, v as u32)));
                }
            }
        }
        let reached = w.done[to].then_some(w.dist[to]);
        let cap = reached.unwrap_or(fallback);
        // Nodes never touched move by `cap`: shift everything by `cap` instead, once.
        for &v in &w.touched {
            let v = v as usize;
            let d = if w.done[v] { w.dist[v].min(cap) } else { cap };
            w.pot[v] += d - cap;
        }
        w.shift += cap;
        reached
    }

    /// Bottleneck of the search path ending at `to` and starting at `from`.
    fn bottleneck(&self, w: &Search, from: usize, to: usize) -> i64 {
        let mut push = INF;
        let mut v = to;
        while v != from {
            let a = w.prev[v] as usize;
            push = push.min(self.arcs[a].cap);
            v = self.arcs[a ^ 1].to as usize;
        }
        push
    }

    fn augment(&mut self, w: &Search, from: usize, to: usize, push: i64) {
        let mut v = to;
        while v != from {
            let a = w.prev[v] as usize;
            self.arcs[a].cap -= push;
            self.arcs[a ^ 1].cap += push;
            v = self.arcs[a ^ 1].to as usize;
        }
    }

    fn max_flow(&mut self, s: usize, t: usize) -> FlowResult {
        let pot = self.bellman_ford(Some(s), usize::MAX);
        let mut w = self.search(pot);
        let mut total = FlowResult { flow: 0, cost: 0 };
        while self.dijkstra(&mut w, s, t, 0).is_some() {
            let push = self.bottleneck(&w, s, t);
            self.augment(&w, s, t, push);
            total.flow += push;
            total.cost += push * (w.pot(t) - w.pot(s));
        }
        total
    }

    fn min_cost(&mut self, s: usize, t: usize) -> FlowResult {
        let back = self.add_edge(t, s, INF, 0);
        let pot = self.bellman_ford(None, s);
        let mut w = self.search(pot);
        let mut cost = 0;
        // Arcs leaving the source (including residual ones if run before), not s → t.
        let out: Vec<usize> =
            self.adj[s].iter().map(|&a| a as usize).filter(|&a| a != back ^ 1).collect();
        for a in out {
            let v = self.arcs[a].to as usize;
            while self.arcs[a].cap > 0 {
                let rc = self.arcs[a].cost + w.pot(s) - w.pot(v);
                if rc >= 0 {
                    break;
                }
                // Cheapest cycle through `a`: shortest path v → s, closed by `a`.
                match self.dijkstra(&mut w, v, s, -rc) {
                    Some(d) if rc + d < 0 => {
                        let push = self.bottleneck(&w, v, s).min(self.arcs[a].cap);
                        self.augment(&w, v, s, push);
                        self.arcs[a].cap -= push;
                        self.arcs[a ^ 1].cap += push;
                        cost += push * (rc + d);
                    }
                    _ => break,
                }
            }
        }
        let flow = self.flow(back);
        self.arcs.truncate(back);
        self.adj[t].pop();
        self.adj[s].pop();
        FlowResult { flow, cost }
    }

    /// Shortest distances over residual arcs, skipping arcs that leave `skip`: from `root`,
    /// or from a virtual root joined to every node at cost 0. Unreachable nodes get 0.
    fn bellman_ford(&self, root: Option<usize>, skip: usize) -> Vec<i64> {
        let n = self.nodes();
        let mut dist = vec![if root.is_some() { INF } else { 0 }; n];
        let mut queue: VecDeque<usize> = match root {
            Some(r) => {
                dist[r] = 0;
                VecDeque::from([r])
            }
            None => (0..n).collect(),
        };
        let mut queued = vec![false; n];
        for &u in &queue {
            queued[u] = true;
        }
        let mut rounds = vec![0usize; n];
        while let Some(u) = queue.pop_front() {
            queued[u] = false;
            rounds[u] += 1;
            assert!(rounds[u] <= n + 1, "negative cycle in flow graph");
            if u == skip {
                continue;
            }
            for &a in &self.adj[u] {
                let arc = &self.arcs[a as usize];
                let v = arc.to as usize;
                if arc.cap > 0 && dist[u] + arc.cost < dist[v] {
                    dist[v] = dist[u] + arc.cost;
                    if !queued[v] {
                        queued[v] = true;
                        queue.push_back(v);
                    }
                }
            }
        }
        dist.iter().map(|&d| if d == INF { 0 } else { d }).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_cost_max_flow_classic() {
        // Two routes s->a->t (cost 2) and s->b->t (cost 5), plus a cross arc a->b.
        let mut g = MinCostFlow::new(4);
        let (s, a, b, t) = (0, 1, 2, 3);
        g.add_edge(s, a, 2, 1);
        g.add_edge(s, b, 1, 2);
        g.add_edge(a, t, 1, 1);
        g.add_edge(b, t, 2, 3);
        g.add_edge(a, b, 1, 1);
        let r = g.run(s, t, Goal::MaxFlow);
        assert_eq!(r, FlowResult { flow: 3, cost: 2 + 5 + 5 });
    }

    #[test]
    fn stops_at_non_negative_paths() {
        // Paths cost -5, -1, +2: min cost takes the first two only.
        let mut g = MinCostFlow::new(5);
        let e1 = g.add_edge(0, 1, 1, -5);
        let e2 = g.add_edge(0, 2, 1, -1);
        let e3 = g.add_edge(0, 3, 1, 2);
        for v in 1..4 {
            g.add_edge(v, 4, 1, 0);
        }
        assert_eq!(g.run(0, 4, Goal::MinCost), FlowResult { flow: 2, cost: -6 });
        assert_eq!((g.flow(e1), g.flow(e2), g.flow(e3)), (1, 1, 0));
    }

    #[test]
    fn reroutes_through_reverse_arcs() {
        // Assignment: workers x,y; jobs p,q. x likes p (-10) and q (-9); y only p (-8).
        // Best: x->q, y->p = -17, which needs rerouting x off p.
        let mut g = MinCostFlow::new(6);
        let (s, x, y, p, q, t) = (0, 1, 2, 3, 4, 5);
        g.add_edge(s, x, 1, 0);
        g.add_edge(s, y, 1, 0);
        let xp = g.add_edge(x, p, 1, -10);
        let xq = g.add_edge(x, q, 1, -9);
        let yp = g.add_edge(y, p, 1, -8);
        g.add_edge(p, t, 1, 0);
        g.add_edge(q, t, 1, 0);
        let r = g.run(s, t, Goal::MinCost);
        assert_eq!(r, FlowResult { flow: 2, cost: -17 });
        assert_eq!((g.flow(xp), g.flow(xq), g.flow(yp)), (0, 1, 1));
    }

    #[test]
    fn concave_gain_prefers_coverage() {
        // One seat; the first unit of each worker is worth a big bonus.
        let mut g = MinCostFlow::new(5);
        let (s, x, y, j, t) = (0, 1, 2, 3, 4);
        let big = 1000;
        g.add_edge(s, x, 1, -big);
        g.add_edge(s, x, 1, 0);
        g.add_edge(s, y, 1, -big);
        let xj = g.add_edge(x, j, 2, -50);
        let yj = g.add_edge(y, j, 1, -1);
        g.add_edge(j, t, 2, 0);
        let r = g.run(s, t, Goal::MinCost);
        assert_eq!(r.flow, 2);
        assert_eq!((g.flow(xj), g.flow(yj)), (1, 1));
    }

    #[test]
    fn unreachable_sink() {
        let mut g = MinCostFlow::new(3);
        g.add_edge(0, 1, 5, -1);
        assert_eq!(g.run(0, 2, Goal::MaxFlow), FlowResult { flow: 0, cost: 0 });
    }

    /// Brute force: every integer flow on tiny graphs, checked against `run`.
    #[test]
    fn matches_enumeration_on_small_graphs() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for round in 0..400 {
            let n = rng.random_range(3..6usize);
            let mut arcs = Vec::new();
            // Arcs only go "forward" (u < v), so there is no negative cycle.
            for u in 0..n {
                for v in u + 1..n {
                    for _ in 0..rng.random_range(0..3) {
                        arcs.push((u, v, rng.random_range(0..3i64), rng.random_range(-6..6i64)));
                    }
                }
            }
            let (min_cost, max_flow) = enumerate(n, &arcs);
            for (goal, want) in [(Goal::MinCost, min_cost), (Goal::MaxFlow, max_flow)] {
                let mut g = MinCostFlow::new(n);
                let ids: Vec<_> = arcs.iter().map(|&(u, v, c, w)| g.add_edge(u, v, c, w)).collect();
                let r = g.run(0, n - 1, goal);
                assert_eq!(r.cost, want.1, "round {round} {goal:?} {arcs:?}");
                if goal == Goal::MaxFlow {
                    assert_eq!(r.flow, want.0);
                }
                let cost: i64 = ids.iter().zip(&arcs).map(|(&id, a)| g.flow(id) * a.3).sum();
                assert_eq!(cost, r.cost);
                let out: i64 = ids
                    .iter()
                    .zip(&arcs)
                    .filter(|(_, a)| a.0 == 0)
                    .map(|(&id, _)| g.flow(id))
                    .sum();
                assert_eq!(out, r.flow);
                for v in 1..n - 1 {
                    let bal: i64 = ids
                        .iter()
                        .zip(&arcs)
                        .map(|(&id, a)| g.flow(id) * (i64::from(a.1 == v) - i64::from(a.0 == v)))
                        .sum();
                    assert_eq!(bal, 0, "conservation at {v}");
                }
            }
        }
    }

    /// (min cost over all flows, (max flow, min cost at max flow)).
    fn enumerate(n: usize, arcs: &[(usize, usize, i64, i64)]) -> ((i64, i64), (i64, i64)) {
        fn go(
            i: usize,
            n: usize,
            arcs: &[(usize, usize, i64, i64)],
            bal: &mut [i64],
            cost: i64,
            best: &mut ((i64, i64), (i64, i64)),
        ) {
            if i == arcs.len() {
                if (1..n - 1).all(|v| bal[v] == 0) {
                    let flow = bal[n - 1];
                    if cost < best.0.1 {
                        best.0 = (flow, cost);
                    }
                    if flow > best.1.0 || (flow == best.1.0 && cost < best.1.1) {
                        best.1 = (flow, cost);
                    }
                }
                return;
            }
            let (u, v, c, w) = arcs[i];
            for f in 0..=c {
                bal[u] -= f;
                bal[v] += f;
                go(i + 1, n, arcs, bal, cost + f * w, best);
                bal[u] += f;
                bal[v] -= f;
            }
        }
        let mut best = ((0, 0), (0, 0));
        go(0, n, arcs, &mut vec![0; n], 0, &mut best);
        best
    }
}
