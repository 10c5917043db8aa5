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

// Firms in the order of ranks_before's first criterion — rank_total descending — keeping the
// order they are given in among equal totals (the tie-break order). Each total becomes the
// integer q = round(total · 10⁹), rank_total's numerator, so that integers order exactly as
// rank_total does; each firm is then one word (q_max − q) << firm_bits | firm, sorted by a
// stable LSD radix sort on the key bits only (3–4 passes over 8 bytes per firm instead of 5–6
// over 16 with the total's bits as key: the whole stability stage at 10⁵ firms on one thread
// went from 12.7 to 6.9 s with this and replace_top below).
class TotalOrder {
 public:
  explicit TotalOrder(std::size_t n_firms)
      : firm_bits_(std::bit_width(std::max<std::size_t>(n_firms, 1))) {}

  // `firms` in tie order → `out` in rank order.
  void sort(const std::vector<std::uint32_t>& firms, const double* totals,
            std::vector<std::uint32_t>& out) {
    const std::size_t n = firms.size();
    out.assign(firms.begin(), firms.end());
    if (n < 2) return;
    // Past 2⁵⁰ (totals above 10⁶) neighbouring integers could share one rank_total: compare
    // the rounded totals themselves there (no real weighting comes near).
    constexpr double kExact = 0x1p50;
    q_.resize(n);
    std::int64_t lo = 0, hi = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const double q = std::round(totals[firms[k]] * 1e9);
      if (!(std::abs(q) < kExact)) return sort_compared(totals, out);
      q_[k] = static_cast<std::int64_t>(q);
      lo = k == 0 ? q_[k] : std::min(lo, q_[k]);
      hi = k == 0 ? q_[k] : std::max(hi, q_[k]);
    }
    const int key_bits = std::bit_width(static_cast<std::uint64_t>(hi - lo));
    if (key_bits == 0) return;  // one total: the tie order
    if (key_bits + firm_bits_ > 64) return sort_compared(totals, out);
    words_.resize(n);
    for (std::size_t k = 0; k < n; ++k)
      words_[k] = static_cast<std::uint64_t>(hi - q_[k]) << firm_bits_ | firms[k];
    const int passes = (key_bits + kMaxDigitBits - 1) / kMaxDigitBits;
    const int digit_bits = (key_bits + passes - 1) / passes;
    const std::uint64_t digit_mask = (std::uint64_t{1} << digit_bits) - 1;
    spare_.resize(n);
    for (int p = 0; p < passes; ++p) {
      const int shift = firm_bits_ + p * digit_bits;
      counts_.assign(std::size_t{1} << digit_bits, 0);
      for (std::uint64_t w : words_) ++counts_[(w >> shift) & digit_mask];
      if (std::any_of(counts_.begin(), counts_.end(), [n](std::uint32_t c) { return c == n; }))
        continue;  // one bucket holds every firm: this digit orders nothing
      std::uint32_t offset = 0;
      for (std::uint32_t& c : counts_) offset += std::exchange(c, offset);
      for (std::uint64_t w : words_) spare_[counts_[(w >> shift) & digit_mask]++] = w;
      words_.swap(spare_);
    }
    const std::uint64_t firm_mask = (std::uint64_t{1} << firm_bits_) - 1;
    for (std::size_t k = 0; k < n; ++k) out[k] = static_cast<std::uint32_t>(words_[k] & firm_mask);
  }

 private:
  static constexpr int kMaxDigitBits = 11;  // 2048 buckets: the scatter stays in the caches

  static void sort_compared(const double* totals, std::vector<std::uint32_t>& out) {
    std::stable_sort(out.begin(), out.end(), [totals](std::uint32_t a, std::uint32_t b) {
      return rank_total(totals[a]) > rank_total(totals[b]);
    });
  }

  int firm_bits_;
  std::vector<std::int64_t> q_;
  std::vector<std::uint64_t> words_, spare_;
  std::vector<std::uint32_t> counts_;
};

// Puts v in place of the top of a full heap (ordered by `before`, as std::push_heap) and sifts
// it down: one pass instead of pop_heap's and push_heap's two. A firm's rank enters its heap of
// the 50 best ranks ~150 times in 1000 runs (50 · ln 20), so this is most of the runs' folding.
template <class Before>
void replace_top(std::uint32_t* heap, int size, std::uint32_t v, Before before) {
  int i = 0;
  for (;;) {
    int child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && before(heap[child], heap[child + 1])) ++child;
    if (!before(v, heap[child])) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = v;
}

// Scratch of one thread, allocated once.
struct Scratch {
  explicit Scratch(std::size_t n_firms) : order(n_firms) {}
  std::vector<double> weights, benchmarks, totals;
  std::vector<std::uint32_t> ranked, vetoed;
  TotalOrder order;
};

}  // namespace

int nearest_rank(int runs, int percent) {
  return std::max(1, static_cast<int>((static_cast<long>(runs) * percent + 99) / 100));
}

std::vector<ClassStability> group_stability(const GroupModel& m, const std::vector<Grade>& grades,
                                            const ClassConfig& classes,
                                            const StabilityConfig& config, int threads,
                                            Progress* progress) {
  const std::size_t n = m.size();
  const int runs = std::max(1, config.runs);
  std::vector<ClassStability> out(n);
  if (n == 0) {
    if (progress) progress->advance(static_cast<std::size_t>(runs));  // no runs to make
    return out;
  }

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
  std::vector<std::uint8_t> best(n, 3), worst(n, 0);

  // The firms ranked and the vetoed ones (ranked after them), each in tie-break order.
  std::vector<std::uint32_t> ranked_by_tie, vetoed_by_tie;
  for (std::uint32_t f : by_tie) (m.vetoed[f] ? vetoed_by_tie : ranked_by_tie).push_back(f);

  const int workers = std::max(1, threads);
  std::vector<Scratch> scratch;
  for (int w = 0; w < workers; ++w) {
    Scratch& s = scratch.emplace_back(n);
    s.weights.resize(n_columns);
    s.benchmarks.resize(n_columns);
    s.totals.resize(n);
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
        s.order.sort(ranked_by_tie, s.totals.data(), s.ranked);
        s.order.sort(vetoed_by_tie, s.totals.data(), s.vetoed);
        std::uint32_t* rank = batch_rank.data() + b * n;
        std::uint8_t* grade = batch_grade.data() + b * n;
        for (std::size_t k = 0; k < s.ranked.size(); ++k) {
          const std::uint32_t f = s.ranked[k];
          const int r = static_cast<int>(k) + 1;
          rank[f] = static_cast<std::uint32_t>(r);
          grade[f] = static_cast<std::uint8_t>(classes.method == ClassMethod::shares
                                                   ? grade_by_rank(r, cutoffs)
                                                   : grade_by_score(s.totals[f], thresholds));
        }
        for (std::size_t k = 0; k < s.vetoed.size(); ++k) {
          rank[s.vetoed[k]] = static_cast<std::uint32_t>(m.n_ranked + 1 + k);
          grade[s.vetoed[k]] = static_cast<std::uint8_t>(Grade::D);
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
          } else if (r < lo[0]) {
            replace_top(lo, k_low, r, std::less<>());
          }
          if (n_high[f] < k_high) {
            hi[n_high[f]++] = r;
            std::push_heap(hi, hi + n_high[f], std::greater<>());
          } else if (r > hi[0]) {
            replace_top(hi, k_high, r, std::greater<>());
          }
        }
      }
    });
    if (progress) progress->advance(static_cast<std::size_t>(count));
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
                      int threads, Progress* progress) {
  for (EnterpriseResult& e : enterprises) e.stability.reset();
  if (!config.stability.enabled) return;
  if (progress)
    progress->begin("enterprises: class stability",
                    static_cast<std::size_t>(std::max(1, config.stability.runs)) * kGroups.size());
  for (Group g : kGroups) {
    const GroupModel m = build_group_model(g, inputs, enterprises, config.scoring);
    std::vector<Grade> grades;
    grades.reserve(m.size());
    for (std::size_t i : m.enterprise) grades.push_back(enterprises[i].grade);
    std::vector<ClassStability> s =
        group_stability(m, grades, config.classes, config.stability, threads, progress);
    for (std::size_t f = 0; f < m.size(); ++f) enterprises[m.enterprise[f]].stability = s[f];
  }
  if (progress) progress->end();
}

}  // namespace muyield::method
