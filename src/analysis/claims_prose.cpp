#include "analysis/claims.hpp"
namespace analysis {
void add_claim_facts(const model::Corpus&, const std::vector<Frame>&, std::vector<Fact>&) {}
}
