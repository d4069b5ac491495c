package org.clinicflow.system.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.clinicflow.system.ClinicApi;
import org.clinicflow.system.LocalStack;

/**
 * The surge part of {@code ./clinic demo}: a shelter roster of 240 arrives at the demo site
 * (Spanish, Kreyòl, French, Portuguese; parolees eligible now, and asylum applicants whose 150
 * days run out over the next three weeks), through intake's roster import as a caseworker would
 * upload it, so the portal's surge planning page has a backlog to plan for. Running it again
 * imports nothing new (each row is a duplicate). Exercised by hand on the local stack.
 */
public final class DemoRoster {

    private static final String[] GIVEN = {"Ana", "Luis", "Marie", "Jean", "Rosa", "Pedro", "Fabiola", "Wilner", "Camila", "Thiago",
        "Nadège", "Yves", "Lucía", "Mateus", "Esther", "Daniel"};
    private static final String[] FAMILY = {"Pérez", "Joseph", "Dubois", "Santos", "Morales", "Pierre", "Lima", "Charles", "Rojas",
        "Oliveira", "Baptiste", "Vargas"};

    private DemoRoster() {
    }

    public static void main(String[] args) {
        int offset = 0;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--offset")) {
                offset = Integer.parseInt(args[i + 1]);
            }
        }
        Path root = Path.of(System.getProperty("clinic.root", "."));
        ClinicApi api = new ClinicApi(new LocalStack(root, root.resolve(".clinic"), offset));
        ClinicApi.Answer answer = api.postCsv("intake-service", "/api/applicants/import", "supervisor", csv(LocalDate.now()));
        if (answer.status() != 202 && answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("the roster import answered HTTP " + answer.status() + ": " + answer.body());
        }
        System.out.println("    a shelter roster of 240 uploaded (import " + answer.body().path("id").asText("?") + ")");
    }

    /** A family name's second part from the row's number, in letters (names take no digits): 0 is "Aa", 27 is "Bb". */
    private static String letters(int n) {
        return String.valueOf((char) ('A' + n / 26 % 26)) + (char) ('a' + n % 26) + "ra";
    }

    /** 240 rows: 120 Spanish, 60 Kreyòl, 30 French, 30 Portuguese; every other one an asylum applicant eligible within weeks. */
    static String csv(LocalDate today) {
        StringBuilder csv = new StringBuilder("givenName,familyName,dateOfBirth,countryOfCitizenship,preferredLanguage,smsConsent,siteId,"
                + "category,paroleEndDate,asylumFiledOn\n");
        List<String[]> languages = List.of(new String[] {"es", "VE", "120"}, new String[] {"ht", "HT", "60"},
                new String[] {"fr", "CD", "30"}, new String[] {"pt", "BR", "30"});
        int n = 0;
        for (String[] language : languages) {
            for (int i = 0; i < Integer.parseInt(language[2]); i++, n++) {
                boolean asylum = n % 2 == 1;
                csv.append(GIVEN[n % GIVEN.length]).append(',').append(FAMILY[(n / GIVEN.length) % FAMILY.length]).append(' ')
                        .append(letters(n)).append(',')
                        .append(LocalDate.of(1980, 1, 1).plusDays(n * 37L)).append(',').append(language[1]).append(',')
                        .append(language[0]).append(",false,chicago-south,").append(asylum ? "c8" : "c11").append(',')
                        .append(asylum ? "" : today.plusMonths(10).toString()).append(',')
                        .append(asylum ? today.minusDays(150 - 1 - (n % 21)).toString() : "").append('\n');
            }
        }
        return csv.toString();
    }
}
