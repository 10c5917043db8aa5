#include "cli/cmd_compare.hpp"

#include <iostream>

#include "cli/global_options.hpp"
#include "cli/messages.hpp"

namespace muyield::cli {

CLI::App* CompareCommand::add_to(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("compare", std::string(tr(Msg::compare_description)));
  cmd->add_option("--from", from_, "output folder of the earlier review (e.g. out/2023)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--to", to_, "output folder of the later review (e.g. out/2024)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out", out_, "folder for the comparison tables")->required();
  cmd->footer(std::string(tr(Msg::compare_footer)));
  return cmd;
}

void print_compare_counts(std::ostream& out, const io::CompareCounts& n,
                          const std::string& indent) {
  out << indent
      << trf(Msg::compare_summary_enterprises, n.enterprises_both, n.enterprises_appeared,
             n.enterprises_disappeared)
      << "\n"
      << indent << trf(Msg::compare_summary_classes, n.class_up, n.class_down, n.class_same) << "\n"
      << indent
      << trf(Msg::compare_summary_parcels, n.parcels_flags_changed, n.parcels_appeared,
             n.parcels_disappeared)
      << "\n";
}

int CompareCommand::run() {
  const io::CompareCounts n = io::compare_runs(from_, to_, out_);
  if (!global_.quiet) {
    print_compare_counts(std::cout, n, "");
    std::cout << trf(Msg::compare_written, out_) << "\n";
  }
  return kDone;
}

}  // namespace muyield::cli
