package dev.safeguard.platform;

import dev.safeguard.shared.DateRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and times that requests carry stay within {@link DateRange} (the years 0001 to 9999), in JSON bodies and in
 * request parameters, so that an absurd date gets a 400 instead of overflowing where it is stored.
 */
@Configuration(proxyBeanMethods = false)
class DateBounds {

    private static boolean bounded(Class<?> type) {
        return type == Instant.class || type == LocalDate.class || type == LocalDateTime.class
                || type == OffsetDateTime.class || type == ZonedDateTime.class;
    }

    /** Every JSON date and time deserializer, wrapped so that a value outside the range is an input mismatch. */
    @Bean
    JacksonModule dateBoundsModule() {
        return new SimpleModule("safeguard-date-bounds").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                           BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                return bounded(description.getBeanClass()) ? new Bounded(deserializer) : deserializer;
            }
        });
    }

    /** Request parameters of type {@link Instant} (ISO-8601, with {@code Z} or an offset), within the range. */
    @Bean
    Converter<String, Instant> boundedInstantParameter() {
        return new Converter<>() {
            @Override
            public Instant convert(String text) {
                String value = text.strip();
                Instant instant;
                try {
                    instant = Instant.parse(value);
                } catch (DateTimeParseException notUtc) {
                    instant = OffsetDateTime.parse(value).toInstant();
                }
                if (!DateRange.contains(instant)) {
                    throw new IllegalArgumentException(DateRange.DETAIL);
                }
                return instant;
            }
        };
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (!DateRange.contains(value)) {
                return context.reportInputMismatch(this, DateRange.DETAIL);
            }
            return value;
        }
    }
}
