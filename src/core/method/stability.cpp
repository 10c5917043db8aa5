#include "core/method/stability.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numeric>
#include <optional>
#include <utility>

#include "core/method/ranking.hpp"
#include "core/parallel.hpp"

namespace muyield::method {

namespace {

// splitmix64: a small, well-mixed generator whose whole state is one word, so that each run
// can start from its own seed.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
};

std::uint64_t run_seed(std::uint64_t seed, int run, Group g) {
  SplitMix64 mix{seed ^ (static_cast<std::uint64_t>(run) << 1) ^
                 (g == Group::above ? 0x5bd1e995ULL : 0x1b873593ULL)};
  mix.next();
  return mix.next();
}

// An unsigned key in the order of ranks_before's first criterion: larger totals first.
std::uint64_t descending_key(double total) {
  if (total == 0) total = 0.0;  // −0 and +0 are equal totals
  std::uint64_t u = std::bit_cast<std::uint64_t>(total);
  u = (u & 0x8000000000000000ULL) ? ~u : (u | 0x8000000000000000ULL);  // ascending in total
  return ~u;
}

struct Item {
  std::uint64_t key;
  std::uint32_t firm;  // model index
};

// Stable LSD radix sort by key in 11-bit digits (a tenth of std::sort's time at 10⁵ firms).
// Items enter in tie-break order, so that equal totals keep it: the order of ranks_before.
constexpr int kDigitBits = 11, kDigits = 6, kBuckets = 1 << kDigitBits;
void radix_sort(std::vector<Item>& items, std::vector<Item>& spare,
                std::vector<std::uint32_t>& counts) {
  const std::size_t n = items.size();
  spare.resize(n);
  counts.assign(static_cast<std::size_t>(kDigits) * kBuckets, 0);
  for (const Item& it : items)
    for (int d = 0; d < kDigits; ++d)
      ++counts[d * kBuckets + ((it.key >> (kDigitBits * d)) & (kBuckets - 1))];
  for (int d = 0; d < kDigits; ++d) {
    std::uint32_t* c = counts.data() + d * kBuckets;
    if (std::any_of(c, c + kBuckets, [n](std::uint32_t k) { return k == n; })) continue;
    std::uint32_t offset = 0;
    for (int b = 0; b < kBuckets; ++b) offset += std::exchange(c[b], offset);
    for (const Item& it : items) spare[c[(it.key >> (kDigitBits * d)) & (kBuckets - 1)]++] = it;
    items.swap(spare);
  }
}

// Scratch of one thread, allocated once.
struct Scratch {
  std::vector<double> weights, benchmarks, totals;
  std::vector<Item> ranked, vetoed, spare;
  std::vector<std::uint32_t> counts;
};

}  // namespace

int nearest_rank(int runs, int percent) {
  return std::max(1, static_cast<int>((static_cast<long>(runs) * percent + 99) / 100));
}

std::vector<ClassStability> group_stability(const GroupModel& m, const std::vector<Grade>& grades,
                                            const ClassConfig& classes,
                                            const StabilityConfig& config, int threads) {
  const std::size_t n = m.size();
  const int runs = std::max(1, config.runs);
  std::vector<ClassStability> out(n);
  if (n == 0) return out;

  // The tie-break order, once: within equal totals the order never changes with weights.
  std::vector<std::uint32_t> by_tie(n);
  {
    std::vector<std::uint32_t>& order = by_tie;
    std::iota(order.begin(), order.end(), 0u);
    auto key = [&](std::uint32_t f) {
      return RankKey{
          0.0, std::isnan(m.tax_per_mu[f]) ? std::nullopt : std::optional<double>(m.tax_per_mu[f]),
          m.uscc[f]};
    };
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return ties_before(key(a), key(b)); });
  }
  const RankCutoffs cutoffs = rank_cutoffs(m.n_ranked, classes);
  const ClassConfig::Thresholds& thresholds = classes.thresholds(m.group);
  const std::size_t n_columns = m.columns.size();
  std::vector<double> base_benchmark(n_columns);
  for (std::size_t c = 0; c < n_columns; ++c) base_benchmark[c] = m.columns[c].benchmark;

  // Per firm: the k_low smallest ranks (a max-heap) and the k_high largest (a min-heap), whose
  // tops are the 5th and 95th nearest-rank percentiles once every run is in.
  const int k_low = nearest_rank(runs, 5);
  const int k_high = runs - nearest_rank(runs, 95) + 1;
  std::vector<std::uint32_t> low(n * k_low), high(n * k_high);
  std::vector<int> n_low(n, 0), n_high(n, 0), kept(n, 0);
  // The heaps' tops side by side: once a heap is full, most runs' ranks fall between the tops
  // and touch nothing else (at 10⁶ firms the heaps, 400 MB, do not stay in the caches).
  std::vector<std::uint32_t> low_top(n, 0), high_top(n, 0);
  std::vector<std::uint8_t> best(n, 3), worst(n, 0);

  const int workers = std::max(1, threads);
  std::vector<Scratch> scratch(workers);
  for (Scratch& s : scratch) {
    s.weights.resize(n_columns);
    s.benchmarks.resize(n_columns);
    s.totals.resize(n);
    s.ranked.reserve(n);
    s.vetoed.reserve(n);
    s.spare.reserve(n);
  }
  const int batch = std::max(1, std::min(runs, std::max(2 * workers, 32)));
  std::vector<std::uint32_t> batch_rank(static_cast<std::size_t>(batch) * n);
  std::vector<std::uint8_t> batch_grade(static_cast<std::size_t>(batch) * n);

  for (int first = 0; first < runs; first += batch) {
    const int count = std::min(batch, runs - first);
    parallel_chunks(count, workers, [&](int chunk, std::size_t begin, std::size_t end) {
      Scratch& s = scratch[chunk];
      for (std::size_t b = begin; b < end; ++b) {
        SplitMix64 rng{run_seed(config.seed, first + static_cast<int>(b), m.group)};
        for (std::size_t c = 0; c < n_columns; ++c) {
          s.weights[c] =
              m.columns[c].weighted.weight * (1 + config.weight_spread * (2 * rng.uniform() - 1));
          s.benchmarks[c] =
              base_benchmark[c] * (1 + config.benchmark_spread * (2 * rng.uniform() - 1));
        }
        score_totals(m, s.weights.data(), s.benchmarks.data(), s.totals.data());
        s.ranked.clear();
        s.vetoed.clear();
        for (std::uint32_t f : by_tie)
          (m.vetoed[f] ? s.vetoed : s.ranked)
              .push_back({descending_key(rank_total(s.totals[f])), f});
        radix_sort(s.ranked, s.spare, s.counts);
        radix_sort(s.vetoed, s.spare, s.counts);
        std::uint32_t* rank = batch_rank.data() + b * n;
        std::uint8_t* grade = batch_grade.data() + b * n;
        for (std::size_t k = 0; k < s.ranked.size(); ++k) {
          const std::uint32_t f = s.ranked[k].firm;
          const int r = static_cast<int>(k) + 1;
          rank[f] = static_cast<std::uint32_t>(r);
          grade[f] = static_cast<std::uint8_t>(classes.method == ClassMethod::shares
                                                   ? grade_by_rank(r, cutoffs)
                                                   : grade_by_score(s.totals[f], thresholds));
        }
        for (std::size_t k = 0; k < s.vetoed.size(); ++k) {
          rank[s.vetoed[k].firm] = static_cast<std::uint32_t>(m.n_ranked + 1 + k);
          grade[s.vetoed[k].firm] = static_cast<std::uint8_t>(Grade::D);
        }
      }
    });
    parallel_chunks(n, workers, [&](int, std::size_t begin, std::size_t end) {
      for (std::size_t f = begin; f < end; ++f) {
        std::uint32_t* lo = low.data() + f * k_low;
        std::uint32_t* hi = high.data() + f * k_high;
        const auto baseline = static_cast<std::uint8_t>(grades[f]);
        for (int b = 0; b < count; ++b) {
          const std::uint32_t r = batch_rank[static_cast<std::size_t>(b) * n + f];
          const std::uint8_t g = batch_grade[static_cast<std::size_t>(b) * n + f];
          kept[f] += g == baseline;
          best[f] = std::min(best[f], g);
          worst[f] = std::max(worst[f], g);
          if (n_low[f] < k_low) {
            lo[n_low[f]++] = r;
            std::push_heap(lo, lo + n_low[f]);
            low_top[f] = lo[0];
          } else if (r < low_top[f]) {
            std::pop_heap(lo, lo + k_low);
            lo[k_low - 1] = r;
            std::push_heap(lo, lo + k_low);
            low_top[f] = lo[0];
          }
          if (n_high[f] < k_high) {
            hi[n_high[f]++] = r;
            std::push_heap(hi, hi + n_high[f], std::greater<>());
            high_top[f] = hi[0];
          } else if (r > high_top[f]) {
            std::pop_heap(hi, hi + k_high, std::greater<>());
            hi[k_high - 1] = r;
            std::push_heap(hi, hi + k_high, std::greater<>());
            high_top[f] = hi[0];
          }
        }
      }
    });
  }
  for (std::size_t f = 0; f < n; ++f) {
    ClassStability& s = out[f];
    s.runs = runs;
    s.share_kept = static_cast<double>(kept[f]) / runs;
    s.best = static_cast<Grade>(best[f]);
    s.worst = static_cast<Grade>(worst[f]);
    s.rank_p5 = static_cast<int>(low[f * k_low]);
    s.rank_p95 = static_cast<int>(high[f * k_high]);
    s.unstable = s.share_kept < config.unstable_below;
  }
  return out;
}

void assess_stability(const std::vector<Enterprise>& inputs,
                      std::vector<EnterpriseResult>& enterprises, const ReviewConfig& config,
                      int threads) {
  for (EnterpriseResult& e : enterprises) e.stability.reset();
  if (!config.stability.enabled) return;
  for (Group g : kGroups) {
    const GroupModel m = build_group_model(g, inputs, enterprises, config.scoring);
    std::vector<Grade> grades;
    grades.reserve(m.size());
    for (std::size_t i : m.enterprise) grades.push_back(enterprises[i].grade);
    std::vector<ClassStability> s =
        group_stability(m, grades, config.classes, config.stability, threads);
    for (std::size_t f = 0; f < m.size(); ++f) enterprises[m.enterprise[f]].stability = s[f];
  }
}

}  // namespace muyield::method
