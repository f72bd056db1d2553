// Shared by the minutes' tests: a scratch directory, running the poppler/zbar tools, files.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace cv::minutes::test {

inline std::filesystem::path scratch(const std::string &name) {
  auto d = std::filesystem::temp_directory_path() / ("cv-minutes-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

// The command's standard output (its exit status in `status`).
inline std::string run(const std::string &cmd, int *status = nullptr) {
  std::string out;
  FILE *p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  while (auto n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int st = ::pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

inline std::string slurp(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void spit(const std::filesystem::path &p, const std::string &bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// pdftotext of pages first..last (0: all), whitespace runs made one space.
inline std::string pdf_text(const std::filesystem::path &pdf, int first = 0, int last = 0) {
  std::string cmd = "pdftotext -raw -enc UTF-8"; // content stream order: a row cell by cell
  if (first) cmd += " -f " + std::to_string(first) + " -l " + std::to_string(last);
  std::string raw = run(cmd + " '" + pdf.string() + "' - 2>/dev/null"), out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\f' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

inline int pdf_pages(const std::filesystem::path &pdf) {
  const auto info = run("pdfinfo '" + pdf.string() + "' 2>/dev/null");
  const auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

} // namespace cv::minutes::test
