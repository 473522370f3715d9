#pragma once
// The Boost.Math policy every distribution of src/stats uses: domain problems become NaN instead
// of exceptions (exceptions never leave a module), and evaluation stays in double on every
// platform instead of promoting to long double, whose width differs between x86 and ARM.
#include <boost/math/policies/policy.hpp>

namespace stats {

using QuietPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>,
    boost::math::policies::evaluation_error<boost::math::policies::errno_on_error>,
    boost::math::policies::promote_double<false>>;

}  // namespace stats
