package org.clinicflow.portal.page;

import io.quarkus.qute.TemplateExtension;

/** How the templates shorten the services' values: {@code {a.createdAt.day}} is the date part of an ISO timestamp. */
@TemplateExtension
public class Formats {

    static String day(Object isoTimestamp) {
        String text = isoTimestamp == null ? "" : isoTimestamp.toString();
        return text.length() >= 10 ? text.substring(0, 10) : text;
    }
}
