package io.partnerpulse.demo;

import java.util.List;

/**
 * The countries the generator places partners, leads and accounts in, with their weight. Each
 * exists in the country reference table with the same hemisphere, region and currency (a test
 * keeps them in step).
 */
final class DemoGeography {

    record Place(String code, char hemisphere, String region, String currency, int weight, List<String> cities) {
    }

    static final List<Place> PLACES = List.of(
            new Place("US", 'N', "North America", "USD", 18, List.of("New York", "Chicago", "Austin", "Seattle", "Atlanta")),
            new Place("CA", 'N', "North America", "CAD", 5, List.of("Toronto", "Vancouver", "Montreal")),
            new Place("MX", 'N', "Latin America", "MXN", 3, List.of("Mexico City", "Monterrey", "Guadalajara")),
            new Place("BR", 'S', "Latin America", "BRL", 6, List.of("Sao Paulo", "Rio de Janeiro", "Porto Alegre")),
            new Place("AR", 'S', "Latin America", "ARS", 3, List.of("Buenos Aires", "Cordoba")),
            new Place("CL", 'S', "Latin America", "CLP", 2, List.of("Santiago", "Valparaiso")),
            new Place("GB", 'N', "EMEA", "GBP", 8, List.of("London", "Manchester", "Edinburgh")),
            new Place("DE", 'N', "EMEA", "EUR", 7, List.of("Berlin", "Munich", "Hamburg")),
            new Place("FR", 'N', "EMEA", "EUR", 5, List.of("Paris", "Lyon", "Marseille")),
            new Place("NL", 'N', "EMEA", "EUR", 3, List.of("Amsterdam", "Rotterdam")),
            new Place("ES", 'N', "EMEA", "EUR", 3, List.of("Madrid", "Barcelona", "Valencia")),
            new Place("IT", 'N', "EMEA", "EUR", 3, List.of("Milan", "Rome", "Turin")),
            new Place("SE", 'N', "EMEA", "SEK", 2, List.of("Stockholm", "Gothenburg")),
            new Place("PL", 'N', "EMEA", "PLN", 2, List.of("Warsaw", "Krakow")),
            new Place("AE", 'N', "EMEA", "AED", 3, List.of("Dubai", "Abu Dhabi")),
            new Place("ZA", 'S', "EMEA", "ZAR", 4, List.of("Johannesburg", "Cape Town", "Durban")),
            new Place("KE", 'S', "EMEA", "KES", 1, List.of("Nairobi", "Mombasa")),
            new Place("PK", 'N', "APAC", "PKR", 4, List.of("Karachi", "Lahore", "Islamabad")),
            new Place("IN", 'N', "APAC", "INR", 5, List.of("Bengaluru", "Mumbai", "Delhi")),
            new Place("JP", 'N', "APAC", "JPY", 3, List.of("Tokyo", "Osaka")),
            new Place("SG", 'N', "APAC", "SGD", 3, List.of("Singapore")),
            new Place("AU", 'S', "APAC", "AUD", 7, List.of("Sydney", "Melbourne", "Brisbane", "Perth")),
            new Place("NZ", 'S', "APAC", "NZD", 3, List.of("Auckland", "Wellington", "Christchurch")),
            new Place("ID", 'S', "APAC", "IDR", 2, List.of("Jakarta", "Surabaya")));

    /** US dollars for one unit of each currency deals are written in, at the start of the data. */
    static final List<String> DEAL_CURRENCIES = List.of("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "BRL", "ZAR", "PKR", "INR", "JPY");
    static final double[] USD_PER_UNIT = {1.0, 1.08, 1.27, 0.73, 0.66, 0.60, 0.19, 0.054, 0.0036, 0.012, 0.0067};

    private DemoGeography() {
    }
}
