#include "analysis/comparison.hpp"

#include <gtest/gtest.h>

namespace analysis {
namespace {

TEST(SubjectDimension, TheWordAloneOrJoinedByAnUnderscore) {
    for (const char* name : {"model", "Model Name", "llm_model", "model.name", "quant_type", "dtype", "tag", "Backend", "device_id"})
        EXPECT_TRUE(is_subject_dimension(name)) << name;
    for (const char* name : {"modeling", "hashtag", "stage", "temperature", "num_gpu", "", "models_x"})
        EXPECT_FALSE(is_subject_dimension(name)) << name;
}

}  // namespace
}  // namespace analysis
