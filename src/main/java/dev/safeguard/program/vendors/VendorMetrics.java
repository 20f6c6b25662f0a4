package dev.safeguard.program.vendors;

import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.VendorMeasures;
import dev.safeguard.program.metrics.MetricSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Vendors with an executed BAA before production connectivity, and vendors handling ePHI with a BAA in force. */
@Component
class VendorMetrics implements MetricSource {

    private final VendorMeasures vendors;

    VendorMetrics(VendorMeasures vendors) {
        this.vendors = vendors;
    }

    @Override
    public List<MetricValue> read() {
        VendorMeasures.Tally connectivity = vendors.agreementBeforeConnectivity();
        VendorMeasures.Tally coverage = vendors.coverage();
        return List.of(MetricValue.percent(Metric.named(Metric.VENDORS_BAA_BEFORE_CONNECTIVITY), connectivity.part(),
                        connectivity.total()),
                MetricValue.percent(Metric.named(Metric.VENDORS_BAA_COVERAGE), coverage.part(), coverage.total()));
    }
}
