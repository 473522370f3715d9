// The offline narrator behind the Narrator interface: the sections of narrative*.cpp.
#include "report/narrator.hpp"

#include "report/narrative.hpp"

namespace report {

Narrative OfflineNarrator::narrate(const Brief&, const ReportInput& in) const {
    return Narrative{render_executive_summary(in), render_key_findings(in), render_recommendations(in), render_conclusion(in)};
}

const Narrator& offline_narrator() {
    static const OfflineNarrator narrator;
    return narrator;
}

}  // namespace report
