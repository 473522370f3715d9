// The design subsection at the start of "## 3. Performance Analysis": per dataset, its cells and
// factor effects (stats/design.hpp). A placeholder until design statistics land; it returns "" so
// the section reads as before.
#include "report/report_sections.hpp"

namespace report {

std::string render_design(const ReportInput&) { return ""; }

}  // namespace report
