package org.clinicflow.portal.api;

/** A clinic site as scheduling-service lists it; its time zone is the one the portal shows times in. */
public record Site(String id, String name, String address, String timeZone) {
}
