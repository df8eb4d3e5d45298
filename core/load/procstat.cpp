// SPDX-License-Identifier: MIT
#include "core/load/procstat.h"

#include <charconv>
#include <limits>
#include <string_view>
#include <utility>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The largest NR_CPUS a mainline kernel can be built with is 8192 (x86-64 MAXSMP); eight times
// that leaves room for the future while refusing a corrupt index that would size the result.
constexpr std::size_t kMaxCpuIndex = 65535;

// user nice system idle: the fields every kernel since 2.4 prints. iowait, irq and softirq came
// in 2.6, steal in 2.6.11.
constexpr std::size_t kMinFields = 4;
constexpr std::size_t kUsedFields = 8;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// Next blank-separated token of `line` from `pos`, or an empty view at the end.
std::string_view nextToken(std::string_view line, std::size_t &pos)
{
    while (pos < line.size() && isBlank(line[pos]))
        ++pos;
    const std::size_t begin = pos;
    while (pos < line.size() && !isBlank(line[pos]))
        ++pos;
    return line.substr(begin, pos - begin);
}

template <typename T> std::optional<T> parseUnsigned(std::string_view token)
{
    if (token.empty())
        return std::nullopt;
    T value{};
    const char *end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, value);
    if (ec != std::errc{} || ptr != end)
        return std::nullopt;
    return value;
}

// One "cpuN ..." line: its index and counters, or nullopt if the line is not one or is malformed.
std::optional<std::pair<std::size_t, CpuTicks>> parseCpuLine(std::string_view line)
{
    std::size_t pos = 0;
    const std::string_view name = nextToken(line, pos);
    constexpr std::string_view kPrefix = "cpu";
    if (!name.starts_with(kPrefix))
        return std::nullopt;
    // The aggregate "cpu" line has no index and fails here, as does "cpuX".
    const auto index = parseUnsigned<std::size_t>(name.substr(kPrefix.size()));
    if (!index || *index > kMaxCpuIndex)
        return std::nullopt;

    std::uint64_t fields[kUsedFields] = {};
    std::size_t count = 0;
    for (std::string_view token = nextToken(line, pos); !token.empty();
         token = nextToken(line, pos)) {
        const auto value = parseUnsigned<std::uint64_t>(token);
        if (!value)
            return std::nullopt;
        if (count < kUsedFields)
            fields[count] = *value;
        ++count;
    }
    if (count < kMinFields)
        return std::nullopt;

    CpuTicks t;
    t.user = fields[0];
    t.nice = fields[1];
    t.system = fields[2];
    t.idle = fields[3];
    t.iowait = fields[4];
    t.irq = fields[5];
    t.softirq = fields[6];
    t.steal = fields[7];
    return std::pair{*index, t};
}

std::uint64_t clampedDelta(std::uint64_t previous, std::uint64_t current)
{
    return current > previous ? current - previous : 0;
}

} // namespace

std::uint64_t CpuTicks::total() const
{
    return user + nice + system + idle + iowait + irq + softirq + steal;
}

std::uint64_t CpuTicks::idleAll() const
{
    return idle + iowait;
}

std::vector<std::optional<CpuTicks>> parseProcStat(QByteArrayView text)
{
    std::vector<std::optional<CpuTicks>> cpus;
    const std::string_view all(text.data(), static_cast<std::size_t>(text.size()));
    std::size_t begin = 0;
    while (begin < all.size()) {
        std::size_t end = all.find('\n', begin);
        if (end == std::string_view::npos)
            end = all.size();
        if (auto cpu = parseCpuLine(all.substr(begin, end - begin))) {
            const auto [index, ticks] = *cpu;
            if (index >= cpus.size())
                cpus.resize(index + 1);
            cpus[index] = ticks;
        }
        begin = end + 1;
    }
    return cpus;
}

double busyFraction(const CpuTicks &previous, const CpuTicks &current)
{
    // Clamped per field, not on the sums: one field going backwards must not cancel another's
    // real progress.
    const std::uint64_t idle =
        clampedDelta(previous.idle, current.idle) + clampedDelta(previous.iowait, current.iowait);
    const std::uint64_t busy =
        clampedDelta(previous.user, current.user) + clampedDelta(previous.nice, current.nice) +
        clampedDelta(previous.system, current.system) + clampedDelta(previous.irq, current.irq) +
        clampedDelta(previous.softirq, current.softirq) +
        clampedDelta(previous.steal, current.steal);
    const std::uint64_t total = busy + idle;
    if (total == 0)
        return kNaN;
    return static_cast<double>(busy) / static_cast<double>(total);
}
